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

/** Validation messages as a command prints them: one line per field. */
export function validationLines(error: unknown): string[] | null {
  const messages = (error as { messages?: { field: string; message: string }[] }).messages
  return Array.isArray(messages) ? messages.map((m) => `${m.field}: ${m.message}`) : null
}
