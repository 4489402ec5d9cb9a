/** How long a new personal access token lasts, in days: the choices of the token forms. */
export const TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const

/** One of {@link TOKEN_LIFETIMES_DAYS}. */
export type TokenLifetimeDays = (typeof TOKEN_LIFETIMES_DAYS)[number]

/** The lifetime a token gets unless its creator picks another. */
export const DEFAULT_TOKEN_LIFETIME_DAYS: TokenLifetimeDays = 90

/** The longest a token's name may be. */
export const TOKEN_NAME_MAX_LENGTH = 100
