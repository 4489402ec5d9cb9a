import type { Readable } from 'node:stream'

/** The prompts of an ace command, as far as reading a password needs them. */
type SecurePrompt = { secure(title: string): Promise<string> }

/**
 * A new password for a command: read from standard input (its first line) for scripts, else asked
 * twice, hidden. Returns it with the confirmation the validators check.
 */
export async function readNewPassword(options: {
  prompt: SecurePrompt
  fromStdin: boolean
  stdin: Readable
}): Promise<{ password: string; passwordConfirmation: string }> {
  if (options.fromStdin) {
    let text = ''
    for await (const chunk of options.stdin) text += chunk
    const password = text.split(/\r?\n/)[0] ?? ''
    return { password, passwordConfirmation: password }
  }
  const password = await options.prompt.secure('Password')
  const passwordConfirmation = await options.prompt.secure('Password (again)')
  return { password, passwordConfirmation }
}

/**
 * Runs a validation for a command: its values, or null after printing one line per refused field
 * ("email: The email has already been taken"). Errors that are not validation errors go on.
 */
export async function validatedOrReported<T>(
  validation: Promise<T>,
  logger: { error(message: string): void }
): Promise<T | null> {
  try {
    return await validation
  } catch (error) {
    const messages = (error as { messages?: { field: string; message: string }[] }).messages
    if (!Array.isArray(messages)) throw error
    for (const { field, message } of messages) logger.error(`${field}: ${message}`)
    return null
  }
}
