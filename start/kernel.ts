/*
|--------------------------------------------------------------------------
| HTTP kernel
|--------------------------------------------------------------------------
|
| The middleware stacks and the named middleware.
|
*/

import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

/** Turns every exception into a response: an Inertia page, JSON or a redirect. */
server.errorHandler(() => import('#exceptions/handler'))

/**
 * Runs on every request, including those that match no route (so the 404
 * page gets the same treatment as any other page).
 */
server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/request_log_middleware'),
  () => import('#middleware/api_cors_middleware'),
  () => import('#middleware/health_probe_middleware'),
  () => import('#middleware/precompressed_assets_middleware'),
  () => import('#middleware/public_files_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
  () => import('#middleware/inertia_middleware'),
])

/** Runs on every request that matches a route. */
router.use([
  () => import('#middleware/api_body_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('#middleware/session_middleware'),
  () => import('#middleware/shield_middleware'),
  () => import('#middleware/nul_characters_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/silent_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
  () => import('#middleware/activity_actor_middleware'),
])

/** Middleware that routes opt into by name. */
export const middleware = router.named({
  guest: () => import('#middleware/guest_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  verified: () => import('#middleware/verified_email_middleware'),
  admin: () => import('#middleware/admin_middleware'),
  projectAccess: () => import('#middleware/project_access_middleware'),
  api: () => import('#middleware/api_middleware'),
})
