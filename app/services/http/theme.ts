/** The values a person can pick for the colour theme. "system" follows the operating system. */
export const THEMES = ['light', 'dark', 'system'] as const

/** One of {@link THEMES}. */
export type Theme = (typeof THEMES)[number]

/** Name of the cookie (readable by the page) that remembers the chosen theme. */
export const THEME_COOKIE = 'theme'

/**
 * Runs before first paint: applies the theme from the cookie, or the system's preference, so a dark
 * page never flashes light. Kept tiny and dependency free; the root view inlines it with the CSP nonce.
 */
export const THEME_SCRIPT = `(function(){try{var m=document.cookie.match(/(?:^|; )${THEME_COOKIE}=(light|dark)/);var d=m?m[1]==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`
