import { errors } from '@vinejs/vine'

/** The field a refused passkey is reported on, as forms show their errors. */
export const PASSKEY_FIELD = 'passkey'

/** What a person reads when the challenge of a ceremony is missing, used or too old. */
export const CHALLENGE_EXPIRED_MESSAGE = 'The passkey request expired. Please try again.'

/** What a person reads when a passkey did not prove who they are. */
export const PASSKEY_REFUSED_MESSAGE = 'This passkey was not accepted.'

/**
 * The error of a passkey that was refused: a validation error on the "passkey" field, so a form
 * shows it like any other field error and a JSON client gets a 422. Nothing changes.
 */
export function passkeyRefused(message = PASSKEY_REFUSED_MESSAGE) {
  return new errors.E_VALIDATION_ERROR([{ field: PASSKEY_FIELD, message, rule: 'passkey' }])
}
