import { registry } from '@generated/registry'
import { createTuyau } from '@tuyau/core/client'

/** The typed route client: `urlFor('session.store')` is checked against start/routes.ts. */
export const client = createTuyau({
  baseUrl: '/',
  registry,
})

/** Builds a URL from a route name and its params, typed from the server's routes. */
export const urlFor = client.urlFor
