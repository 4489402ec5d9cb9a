import type { HttpContext } from '@adonisjs/core/http'

/** The flash key that carries new recovery codes to the one page that shows them. */
const NEW_RECOVERY_CODES_FLASH = 'newRecoveryCodes'

/** Hands new recovery codes to the next page only: they are shown once and never again. */
export function flashRecoveryCodes({ session }: Pick<HttpContext, 'session'>, codes: string[]) {
  session.flash(NEW_RECOVERY_CODES_FLASH, codes)
}

/** The recovery codes made on the previous request, or null. */
export function flashedRecoveryCodes({ session }: Pick<HttpContext, 'session'>): string[] | null {
  const codes = session.flashMessages.get(NEW_RECOVERY_CODES_FLASH)
  return Array.isArray(codes) ? codes.map(String) : null
}
