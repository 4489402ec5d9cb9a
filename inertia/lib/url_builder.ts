import type { registry } from '@generated/registry'
import type { RegistryGroupedByMethod } from '@tuyau/core/types'
import {
  createURL,
  type ClientRouteToken,
  type LookupList,
  type RouteBuilderArguments,
} from '@adonisjs/core/http/url_builder_client'
import { toQueryString } from '~/lib/query_string'

type AllRoutes = typeof registry.routes

type Token = Pick<ClientRouteToken, 'type' | 'val' | 'end'>

type TableRoute = { readonly pattern: string; readonly tokens: readonly Readonly<Token>[] }

/** A generated route table (`@generated/routes/*`): route names to their URL patterns. */
export type RouteTable = { readonly [name: string]: TableRoute }

/** The route names of one or more tables (a union of tables gives every table's names). */
type NamesOf<Table> = Table extends unknown ? Extract<keyof Table, keyof AllRoutes> : never

type TableRoutes<Table> = RegistryGroupedByMethod<Pick<AllRoutes, NamesOf<Table>>>

/** `urlFor(name, params?, options?)` over a list of routes, typed by Tuyau's registry. */
export type UrlFor<Routes extends LookupList> = <Name extends keyof Routes['ALL'] & string>(
  ...args: RouteBuilderArguments<Name, Routes['ALL'][Name]>
) => string

/**
 * Builds a `urlFor` over the routes of the given tables:
 * `urlFor('projects.show', { projectId: 1 })`,
 * `urlFor('projects.index', undefined, { qs: { page: 2 } })`. A route outside the tables, renamed
 * or removed breaks the build, not the page. Each area of pages has its own (`~/lib/guest_client`,
 * `~/lib/client`), so a page carries only the URL patterns of its area.
 */
export function urlBuilder<Table extends RouteTable>(
  ...tables: Table[]
): UrlFor<TableRoutes<Table>> {
  const tokens = new Map<string, Token[]>(
    tables.flatMap((table) =>
      Object.entries(table).map(([name, route]) => [name, [...route.tokens]])
    )
  )

  return (...[name, params, options]) => {
    const route = tokens.get(name)
    if (!route) throw new Error(`No route named "${name}" in this page's route table`)
    return createURL(name, route, toQueryString, params, options)
  }
}
