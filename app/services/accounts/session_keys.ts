/** Session key of the page a guest asked for before being sent to log in. */
export const INTENDED_URL_KEY = 'intended_url'

/** Flash key asking the next page to clear (and forget the keys of) the encrypted history. */
export const CLEAR_HISTORY_FLASH = 'clear_history'
