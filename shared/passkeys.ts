/** The longest a passkey's name may be. */
export const PASSKEY_NAME_MAX_LENGTH = 100
