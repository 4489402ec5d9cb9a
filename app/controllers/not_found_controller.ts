import { errors, type HttpContext } from '@adonisjs/core/http'

/**
 * The catch-all route's controller: a GET that matches no other route is answered here, after the
 * session and auth middleware ran, so the 404 page shows the navigation of whoever is logged in.
 * It throws the router's own "route not found" error, so pages and JSON clients get the same 404
 * as before.
 */
export default class NotFoundController {
  show({ request }: HttpContext) {
    throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
  }
}
