import { ROW_ID_PARAMS } from '#validators/rules/row_id'

/** The prefix of every route the OpenAPI document describes. */
export const API_PREFIX = '/api/v1'

/** A route as the router lists it (`router.toJSON()`), reduced to what the document reads. */
export type ApiRoute = { name?: string | null; pattern: string; methods: string[] }

/** An OpenAPI path parameter. */
export type PathParameter = {
  name: string
  in: 'path'
  required: true
  schema: Record<string, unknown>
}

/** The names of a pattern's `:params`, in order (`/tasks/:id` → `['id']`). */
export function patternParams(pattern: string): string[] {
  return [...pattern.matchAll(/:(\w+)\??/g)].map((match) => match[1])
}

/** A router pattern as an OpenAPI path: `/api/v1/tasks/:id` → `/api/v1/tasks/{id}`. */
export function openApiPath(pattern: string): string {
  return pattern.replace(/:(\w+)\??/g, '{$1}')
}

/**
 * The path parameters of a pattern. A parameter that names a row (start/routes.ts matches it with
 * the row id matcher) is a positive integer; any other is a string.
 */
export function pathParameters(pattern: string): PathParameter[] {
  const rowParams: readonly string[] = ROW_ID_PARAMS
  return patternParams(pattern).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: rowParams.includes(name)
      ? { type: 'integer', minimum: 1, maximum: 2147483647 }
      : { type: 'string' },
  }))
}

/** The methods a route documents: HEAD, which the router adds beside GET, is left out. */
export function documentedMethods(route: ApiRoute): string[] {
  return route.methods.filter((method) => method !== 'HEAD').map((method) => method.toLowerCase())
}

/** The routes under `/api/v1`, from `router.toJSON()`'s routes of every domain. */
export function apiRoutes(routes: ApiRoute[]): ApiRoute[] {
  return routes.filter(
    (route) => route.pattern === API_PREFIX || route.pattern.startsWith(`${API_PREFIX}/`)
  )
}
