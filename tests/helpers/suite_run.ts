import { promisify } from 'node:util'
import { execFile } from 'node:child_process'

/**
 * The tag of a test that runs the whole suite of a copy of the app. Such a test is left out of
 * the copy's own run, so that the copy does not start a copy in turn.
 */
export const WHOLE_SUITE_TAG = '@whole_suite'

/** One test of a run, as Japa's ndjson reporter tells it. */
export type TestOutcome = {
  suite: string
  /** The spec file, relative to the app's root. */
  file: string
  title: string
  /** The messages of its errors; empty when it passed. */
  errors: string[]
}

/** What a whole run of `npm test` in another app folder gave. */
export type SuiteRun = {
  exitCode: number
  /** The suites that started, in order. */
  suites: string[]
  tests: TestOutcome[]
  /** Errors outside any test (a suite's or group's hooks, an uncaught error). */
  hookErrors: string[]
  aggregates: Record<string, number> | null
  /** Whatever was not a reporter event: where to look when the run stopped early. */
  otherOutput: string
}

type NdjsonError = { phase?: string; error?: { message?: string } }
type NdjsonLine = {
  event?: string
  name?: string
  relativePath?: string
  title?: { expanded?: string } | string
  errors?: NdjsonError[]
  aggregates?: Record<string, number>
}

const messagesOf = (errors: NdjsonError[] = []) =>
  errors.map((entry) => `${entry.phase ?? 'test'}: ${entry.error?.message ?? 'unknown error'}`)

/** A line of the ndjson reporter, or null for anything else the run printed. */
function reporterLine(line: string): NdjsonLine | null {
  if (!line.startsWith('{')) return null
  try {
    return JSON.parse(line)
  } catch {
    return null
  }
}

/** Parses the ndjson reporter's lines; anything else printed is kept as other output. */
function parseSuiteRun(stdout: string, exitCode: number): SuiteRun {
  const run: SuiteRun = {
    exitCode,
    suites: [],
    tests: [],
    hookErrors: [],
    aggregates: null,
    otherOutput: '',
  }
  for (const line of stdout.split('\n')) {
    const entry = reporterLine(line)
    if (!entry) {
      run.otherOutput += `${line}\n`
      continue
    }
    if (entry.event === 'suite:start') run.suites.push(entry.name!)
    else if (entry.event === 'suite:end') run.hookErrors.push(...messagesOf(entry.errors))
    else if (entry.event === 'test:end') {
      run.tests.push({
        suite: run.suites.at(-1) ?? '',
        file: entry.relativePath ?? '',
        title: typeof entry.title === 'string' ? entry.title : (entry.title?.expanded ?? ''),
        errors: messagesOf(entry.errors),
      })
    } else if (entry.aggregates) run.aggregates = entry.aggregates
  }
  return run
}

/**
 * Runs `npm test` in the app at `root`, every suite, leaving out the tests tagged
 * WHOLE_SUITE_TAG, and returns what each test gave. A failing run resolves too: the caller
 * asserts on the outcomes, which name the tests that failed.
 */
export async function runWholeSuite(root: string, env: NodeJS.ProcessEnv): Promise<SuiteRun> {
  const argv = ['test', '--', `--tags=~${WHOLE_SUITE_TAG}`, '--reporters=ndjson']
  try {
    const { stdout } = await promisify(execFile)('npm', argv, {
      cwd: root,
      env,
      maxBuffer: 64 * 1024 * 1024,
    })
    return parseSuiteRun(stdout, 0)
  } catch (error) {
    const { stdout, stderr, code } = error as { stdout?: string; stderr?: string; code?: number }
    if (stdout === undefined) throw error
    const run = parseSuiteRun(stdout, typeof code === 'number' ? code : 1)
    run.otherOutput += stderr ?? ''
    return run
  }
}

/** The tests of a run that failed, each as `file › title: message`, for an exact assertion. */
export function failuresOf(run: SuiteRun): string[] {
  return [
    ...run.hookErrors,
    ...run.tests
      .filter((outcome) => outcome.errors.length > 0)
      .map((outcome) => `${outcome.file} › ${outcome.title}: ${outcome.errors.join(' | ')}`),
  ]
}
