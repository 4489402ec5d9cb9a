/** What `check:deploy` looks at, gathered from the running app's configuration and services. */
export type DeployFacts = {
  nodeEnv: string | undefined
  appKey: string
  secureCookies: boolean
  hsts: boolean
  csp: boolean
  trustedProxies: string | undefined
  /** Names of migrations not run yet; null when the database could not be asked. */
  pendingMigrations: string[] | null
  /** Null when the database answered, else why not. */
  databaseError: string | null
  /** Null when Redis is not configured; else null-or-error like the database. */
  redis: { configured: false } | { configured: true; error: string | null }
  ssrEnabled: boolean
  ssrBundlePresent: boolean
}

/** One finding: serious ones make the command fail. */
export type DeployFinding = {
  level: 'serious' | 'warning' | 'ok'
  check: string
  message: string
  fix?: string
}

/** Keys of the examples and tests, never to be used by a deployment. */
const KNOWN_KEYS = ['test-only-key-never-used-outside-tests-3f9a']

function appKeyFinding(key: string): DeployFinding {
  const check = 'APP_KEY'
  const fix =
    'Set APP_KEY to 32+ random characters, e.g. node -e "console.log(crypto.randomBytes(32).toString(\'base64url\'))"'
  if (key.length < 32) {
    return { level: 'serious', check, message: `APP_KEY has ${key.length} characters`, fix }
  }
  if (KNOWN_KEYS.includes(key) || new Set(key).size < 12) {
    return { level: 'serious', check, message: 'APP_KEY is a known or low-variety value', fix }
  }
  return { level: 'ok', check, message: 'APP_KEY is long and varied' }
}

/**
 * Django's `check --deploy` for Atrium: every finding, worst first, each serious or warning one
 * with how to fix it. Pure, so each rule is tested on its own.
 */
export function deployFindings(facts: DeployFacts): DeployFinding[] {
  const findings: DeployFinding[] = [appKeyFinding(facts.appKey)]
  const rule = (
    ok: boolean,
    check: string,
    good: string,
    bad: string,
    fix: string,
    level: 'serious' | 'warning' = 'serious'
  ) =>
    findings.push(ok ? { level: 'ok', check, message: good } : { level, check, message: bad, fix })

  rule(
    facts.nodeEnv === 'production',
    'NODE_ENV',
    'production mode',
    `NODE_ENV is ${facts.nodeEnv ?? 'unset'}: stack traces and development pages are on`,
    'Run with NODE_ENV=production (the built server defaults to it)'
  )
  rule(
    facts.secureCookies,
    'Secure cookies',
    'cookies are sent over HTTPS only',
    'cookies may travel over plain HTTP',
    'Run in production mode: config/session.ts marks cookies Secure there'
  )
  rule(
    facts.hsts,
    'HSTS',
    'Strict-Transport-Security is sent',
    'no Strict-Transport-Security header',
    'Run in production mode: config/shield.ts enables HSTS there'
  )
  rule(
    facts.csp,
    'CSP',
    'Content-Security-Policy is sent',
    'no Content-Security-Policy header',
    'Enable csp in config/shield.ts'
  )
  if (facts.databaseError !== null) {
    rule(
      false,
      'Database',
      '',
      `the database does not answer: ${facts.databaseError}`,
      'Check DB_CONNECTION and DATABASE_URL or DB_*'
    )
  } else {
    rule(true, 'Database', 'the database answers', '', '')
    const pending = facts.pendingMigrations ?? []
    rule(
      pending.length === 0,
      'Migrations',
      'every migration has run',
      `${pending.length} migration(s) not run: ${pending.join(', ')}`,
      'Run node ace migration:run --force before starting the new version'
    )
  }
  if (facts.redis.configured) {
    rule(
      facts.redis.error === null,
      'Redis',
      'Redis answers',
      `Redis does not answer: ${facts.redis.error}`,
      'Check REDIS_URL or REDIS_HOST/PORT/PASSWORD'
    )
  }
  if (facts.ssrEnabled) {
    rule(
      facts.ssrBundlePresent,
      'SSR bundle',
      'the server-rendering bundle is built',
      'the server-rendering bundle is missing: first visits would fail',
      'Run npm run build and deploy the build/ folder'
    )
  }
  rule(
    Boolean(facts.trustedProxies),
    'TRUSTED_PROXIES',
    'proxies to trust are set',
    'TRUSTED_PROXIES is unset: behind a proxy, client IPs and rate limits see the proxy',
    'Set TRUSTED_PROXIES to your proxies (e.g. 10.0.0.0/8), or ignore when nothing proxies the app',
    'warning'
  )

  const order = { serious: 0, warning: 1, ok: 2 }
  return findings.sort((a, b) => order[a.level] - order[b.level])
}
