/*
|--------------------------------------------------------------------------
| Route tables for the browser
|--------------------------------------------------------------------------
|
| An assembler hook (adonisrc.ts) that writes the URL patterns the pages
| build links from, in two tables: the guest area's routes, which a guest's
| first load carries, and the app's, which only signed-in pages load.
| Tuyau's registry still types every URL; these files hold the data.
|
*/

import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CommonHooks, ScannedRoute } from '@adonisjs/assembler/types'

/** A route name, or a prefix ending with a dot ("session." matches "session.store"). */
export type RouteMatcher = string

/** Where the tables go and which routes the guest table holds. */
export type RouteTablesOptions = {
  /** Routes the pages open to guests link to; every other named route goes to the app table. */
  guest: RouteMatcher[]
  /** Folder of the generated modules (default: ./.adonisjs/client/routes). */
  output?: string
}

/** A route as the browser's URL builder needs it. */
export type RouteTableEntry = Pick<ScannedRoute, 'name' | 'pattern' | 'tokens'>

/** Whether a route name is matched: exactly, or below a prefix that ends with a dot. */
export function matchesRoute(name: string, matchers: RouteMatcher[]): boolean {
  return matchers.some((matcher) =>
    matcher.endsWith('.') ? name.startsWith(matcher) : name === matcher
  )
}

/** Splits the named routes into the guest table and the app table. */
export function splitRoutes(routes: RouteTableEntry[], guest: RouteMatcher[]) {
  const named = routes.filter((route) => route.name)
  return {
    guest: named.filter((route) => matchesRoute(route.name, guest)),
    app: named.filter((route) => !matchesRoute(route.name, guest)),
  }
}

/**
 * The source of one table module: route names to their pattern and its tokens, which the URL
 * builder fills in (without each token's copy of the pattern).
 */
export function tableSource(routes: RouteTableEntry[]): string {
  const lines = routes.map((route) => {
    const tokens = route.tokens.map(({ type, val, end }) => ({ type, val, end }))
    return `  ${JSON.stringify(route.name)}: { pattern: ${JSON.stringify(route.pattern)}, tokens: ${JSON.stringify(tokens)} },`
  })
  // The written module is generated (under .adonisjs/, like Tuyau's registry, whose header this
  // copies): its one-line-per-route layout is kept readable rather than reformatted by Prettier.
  return [
    '/* eslint-disable prettier/prettier */',
    '// Written from start/routes.ts by the routeTables hook (adonisrc.ts): do not edit.',
    'export const routes = {',
    ...lines,
    '} as const',
    '',
  ].join('\n')
}

/**
 * The assembler hook: after the routes are scanned (codegen, dev server), writes `guest.ts` and
 * `app.ts` into the output folder.
 */
export function routeTables(options: RouteTablesOptions): CommonHooks['init'][number] {
  const output = options.output ?? './.adonisjs/client/routes'
  return {
    run(_parent, hooks) {
      hooks.add('routesScanned', async (_server, scanner) => {
        const tables = splitRoutes(scanner.getScannedRoutes(), options.guest)
        await mkdir(output, { recursive: true })
        await Promise.all([
          writeFile(join(output, 'guest.ts'), tableSource(tables.guest)),
          writeFile(join(output, 'app.ts'), tableSource(tables.app)),
        ])
      })
    },
  }
}
