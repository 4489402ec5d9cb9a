import { ApiClient } from '@japa/api-client'
import type { ApiResponse } from '@japa/api-client'
import type { PluginFn } from '@japa/runner/types'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { apiDocument, DOCUMENTATION_ROUTES } from '#api/openapi/api_document'
import { ContractChecker, type SeenResponse } from '#tests/helpers/contract_checker'

/**
 * The documented statuses no test has to produce: a 500 is what no test should see. Every other
 * (operation, status) pair of the document needs a functional test that gets it.
 */
export const COVERAGE_EXEMPT_STATUSES = [500]

/** The filters of a run, as Japa's config holds them. */
export type RunFilters = {
  files?: string[]
  suites?: string[]
  tests?: string[]
  groups?: string[]
  tags?: string[]
}

/**
 * Whether a run includes every functional spec file, so that every API test ran: no `--files`,
 * `--tests` or `--groups` filter, no tag it must have (a `~tag` that leaves tests out is fine:
 * the whole-suite check runs that way), and the functional suite among the suites run.
 */
export function isFullRun(filters: RunFilters): boolean {
  if (filters.files?.length || filters.tests?.length || filters.groups?.length) return false
  if (filters.tags?.some((tag) => !tag.startsWith('~'))) return false
  return !filters.suites?.length || filters.suites.includes('functional')
}

let checker: ContractChecker | undefined
let documentationPaths: string[] | undefined

/** The checker of this run, built from the app's document once the router is committed. */
function contract(): ContractChecker {
  checker ??= new ContractChecker(apiDocument())
  return checker
}

/** Whether a URL is an `/api/v1` call the document describes (the document itself is not one). */
function isDescribedCall(url: string): boolean {
  documentationPaths ??= DOCUMENTATION_ROUTES.map((name) => urlFor(name))
  const path = new URL(url, 'http://localhost').pathname
  return ContractChecker.isApiUrl(url) && !documentationPaths.includes(path)
}

/**
 * Checks one response of the API against the OpenAPI document and throws, listing what breaks
 * it. The api client does it for every call (apiContract); a test that calls the API another way
 * (fetch, the generated client) calls it itself.
 */
export function assertApiContract(response: SeenResponse) {
  // A CORS preflight is answered by the CORS middleware before any route: no operation's answer.
  if (response.method.toUpperCase() === 'OPTIONS' || !isDescribedCall(response.url)) return
  const problems = contract().check(response)
  if (problems.length > 0) {
    throw new Error(
      `The response breaks the OpenAPI document (openapi/v1.json):\n${problems.join('\n')}`
    )
  }
}

/** A seen response from the api client's. */
function seen(response: ApiResponse): SeenResponse {
  return {
    method: response.request.request.method,
    url: response.request.request.url,
    status: response.status(),
    contentType: response.header('content-type'),
    text: response.text() ?? '',
  }
}

/** What the end of a run says about the document's coverage, and whether the run fails. */
export type CoverageReport = { failed: boolean; message: string }

/**
 * The coverage report at the end of a run: skipped when the run is filtered, else the documented
 * (operation, status) pairs no test produced (`missing` is only asked on a full run).
 */
export function coverageReport(filters: RunFilters, missing: () => string[]): CoverageReport {
  if (!isFullRun(filters)) {
    return {
      failed: false,
      message: 'API contract coverage: skipped, this run is filtered (--files, --tests, ...)',
    }
  }
  const pairs = missing()
  if (pairs.length === 0) {
    return {
      failed: false,
      message: 'API contract coverage: every documented (operation, status) pair was produced',
    }
  }
  return {
    failed: true,
    message:
      `API contract coverage: ${pairs.length} documented (operation, status) pair(s) no test ` +
      `produced; add a functional test for each, or stop documenting the status:\n  ` +
      pairs.join('\n  '),
  }
}

/** Prints the coverage report and, when it fails, makes the run's exit code 1. */
function endOfRun(filters: RunFilters) {
  const report = coverageReport(filters, () => contract().missing(COVERAGE_EXEMPT_STATUSES))
  if (!report.failed) return console.log(report.message)
  console.error(report.message)
  process.exitCode = 1
}

/**
 * The contract tests as a Japa plugin: every `/api/v1` response the api client gets is checked
 * against the OpenAPI document (a breach fails the test), and at the end of a full run a
 * documented (operation, status) pair that no test produced fails the run.
 */
export function apiContract(): PluginFn {
  return ({ config }) => {
    ApiClient.teardown((response) => assertApiContract(seen(response)))
    config.teardown.unshift(() => endOfRun(config.filters))
  }
}
