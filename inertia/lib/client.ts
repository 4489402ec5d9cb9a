import { registry } from '@generated/registry'
import type { RegistryGroupedByMethod } from '@tuyau/core/types'
import { createUrlBuilder } from '@adonisjs/core/http/url_builder_client'
import { toQueryString } from '~/lib/query_string'

type Routes = RegistryGroupedByMethod<typeof registry.routes>

const entries = Object.entries(registry.routes).map(([name, route]) => ({
  name,
  domain: 'root',
  ...route,
}))

/**
 * Builds URLs from route names, typed by the route registry that Tuyau generates from
 * start/routes.ts: `urlFor('session.store')`, `urlFor('tasks.show', { id: 1 })`. A renamed or
 * removed route breaks the build, not the page. Only the URL builder ships to the browser; requests
 * go through Inertia.
 */
export const urlFor = createUrlBuilder<Routes>({ root: entries }, toQueryString)
