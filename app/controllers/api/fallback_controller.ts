import router from '@adonisjs/core/services/router'
import type { HttpContext } from '@adonisjs/core/http'
import { ApiException } from '#api/api_exception'

/** The methods an API path may be called with. */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/**
 * Answers an `/api` URL that no route took: 405 with `Allow` when the path exists for other
 * methods, else 404; both as problem details, never the app's HTML 404 page.
 */
export default class FallbackController {
  handle({ request }: HttpContext) {
    const url = request.url()
    const allowed = METHODS.filter((method) => {
      const match = router.match(url, method, false)
      return match !== null && match.route.pattern !== FALLBACK_PATTERN
    })
    if (allowed.length > 0) {
      const allow = allowed.includes('GET') ? ['GET', 'HEAD', ...allowed.slice(1)] : allowed
      throw new ApiException(405, `${request.method()} is not allowed here.`, {
        headers: { Allow: [...new Set(allow)].join(', ') },
      })
    }
    throw new ApiException(404, 'Not found.')
  }
}

/** The pattern of the API's fallback route (start/routes.ts). */
export const FALLBACK_PATTERN = '/api/*'
