import vine, { SimpleMessagesProvider } from '@vinejs/vine'

/** The rules of the second step's fields. */
export const twoFactorFields = {
  /** A 6-digit code from the authenticator app, perhaps typed with a space. */
  code: () => vine.string().trim().minLength(6).maxLength(12),
  /** A recovery code, `xxxxx-xxxxx`, with or without its dash. */
  recoveryCode: () => vine.string().trim().minLength(10).maxLength(40),
}

/** The login's second step: a code from the app, or else a recovery code. */
export const createTwoFactorChallengeValidator = vine.create({
  code: twoFactorFields.code().optional().requiredIfMissing('recoveryCode'),
  recoveryCode: twoFactorFields.recoveryCode().optional(),
})

/** Confirming a new authenticator app with its first code. */
export const updateTwoFactorValidator = vine.create({
  code: twoFactorFields.code(),
})

createTwoFactorChallengeValidator.messagesProvider = new SimpleMessagesProvider({
  'code.required': 'Enter the code from your app, or a recovery code.',
})
