import { routes } from '@generated/routes/guest'
import { urlBuilder } from '~/lib/url_builder'

/**
 * Builds URLs for the pages open to guests (home, log in, sign up, password reset, invitations,
 * error pages) from the guest route table only, so their first load stays small:
 * `urlFor('session.store')`. The routes it knows are listed in adonisrc.ts (`routeTables`).
 */
export const urlFor = urlBuilder(routes)
