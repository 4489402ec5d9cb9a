import type { HttpContext } from '@adonisjs/core/http'

/** Settings: the colour theme (kept in the browser, so it applies before logging in too). */
export default class AppearanceController {
  async edit({ inertia }: HttpContext) {
    return inertia.render('settings/appearance', {})
  }
}
