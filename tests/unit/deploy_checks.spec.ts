import { test } from '@japa/runner'
import { type DeployFacts, deployFindings } from '#cli/deploy_checks'

/** A deployment with nothing to report. */
const FIT: DeployFacts = {
  nodeEnv: 'production',
  appKey: 'Zq3v8LrX1mT0pWcY7eKdN4sJ6hA2uGfB9oQ5iE',
  secureCookies: true,
  hsts: true,
  csp: true,
  trustedProxies: '10.0.0.0/8',
  pendingMigrations: [],
  databaseError: null,
  redis: { configured: true, error: null },
  ssrEnabled: true,
  ssrBundlePresent: true,
}

function serious(facts: DeployFacts) {
  return deployFindings(facts)
    .filter((finding) => finding.level === 'serious')
    .map((finding) => finding.check)
}

test.group('check:deploy | findings', () => {
  test('a fit deployment has no serious finding and no warning', ({ assert }) => {
    const findings = deployFindings(FIT)
    assert.isTrue(findings.every((finding) => finding.level === 'ok'))
    assert.sameMembers(
      findings.map((finding) => finding.check),
      [
        'APP_KEY',
        'NODE_ENV',
        'Secure cookies',
        'HSTS',
        'CSP',
        'Database',
        'Migrations',
        'Redis',
        'SSR bundle',
        'TRUSTED_PROXIES',
      ]
    )
  })

  test('each unsafe setting is a serious finding with a fix, listed first', ({ assert }) => {
    const cases: [Partial<DeployFacts>, string][] = [
      [{ appKey: 'short-key' }, 'APP_KEY'],
      [{ appKey: 'a'.repeat(40) }, 'APP_KEY'],
      [{ appKey: 'test-only-key-never-used-outside-tests-3f9a' }, 'APP_KEY'],
      [{ nodeEnv: 'development' }, 'NODE_ENV'],
      [{ secureCookies: false }, 'Secure cookies'],
      [{ hsts: false }, 'HSTS'],
      [{ csp: false }, 'CSP'],
      [{ pendingMigrations: ['0015_add_things'] }, 'Migrations'],
      [{ databaseError: 'connect ECONNREFUSED', pendingMigrations: null }, 'Database'],
      [{ redis: { configured: true, error: 'no answer within 2000 ms' } }, 'Redis'],
      [{ ssrBundlePresent: false }, 'SSR bundle'],
    ]
    for (const [change, check] of cases) {
      assert.deepEqual(serious({ ...FIT, ...change }), [check], check)
      const [first] = deployFindings({ ...FIT, ...change })
      assert.equal(first.check, check)
      assert.isString(first.fix)
    }
  })

  test('without Redis or SSR those checks are skipped; no proxy list is only a warning', ({
    assert,
  }) => {
    const findings = deployFindings({
      ...FIT,
      redis: { configured: false },
      ssrEnabled: false,
      trustedProxies: undefined,
    })
    const checks = findings.map((finding) => finding.check)
    assert.notInclude(checks, 'Redis')
    assert.notInclude(checks, 'SSR bundle')
    assert.deepEqual(
      findings.filter((finding) => finding.level !== 'ok').map((f) => [f.level, f.check]),
      [['warning', 'TRUSTED_PROXIES']]
    )
  })
})
