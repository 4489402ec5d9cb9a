import { routes as guestRoutes } from '@generated/routes/guest'
import { routes as appRoutes } from '@generated/routes/app'
import { urlBuilder } from '~/lib/url_builder'

/**
 * Builds URLs from route names, typed by the route registry that Tuyau generates from
 * start/routes.ts: `urlFor('session.store')`, `urlFor('projects.tasks.show', { projectId, id })`.
 * It knows every route, so only the signed-in pages import it; the pages open to guests use
 * `~/lib/guest_client`. Only the URL builder ships to the browser; requests go through Inertia.
 */
export const urlFor = urlBuilder<typeof guestRoutes | typeof appRoutes>(guestRoutes, appRoutes)
