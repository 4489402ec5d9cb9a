import { test } from '@japa/runner'
import { matchesRoute, splitRoutes, tableSource } from '../../scripts/route_tables.ts'

const route = (name: string, pattern: string) => ({
  name,
  pattern,
  tokens: pattern
    .split('/')
    .filter(Boolean)
    .map((segment) => ({
      old: pattern,
      type: segment.startsWith(':') ? (1 as const) : (0 as const),
      val: segment.replace(/^:/, ''),
      end: '',
    })),
})

test.group('Route tables | split', () => {
  test('matches a name exactly, or below a prefix that ends with a dot', ({ assert }) => {
    const guest = ['home', 'session.']

    assert.isTrue(matchesRoute('home', guest))
    assert.isTrue(matchesRoute('session.store', guest))
    assert.isFalse(matchesRoute('homepage', guest))
    assert.isFalse(matchesRoute('session', guest))
    assert.isFalse(matchesRoute('sessions.index', guest))
  })

  test('puts the matched routes in the guest table and every other named one in the app table', ({
    assert,
  }) => {
    const tables = splitRoutes(
      [
        route('home', '/'),
        route('session.store', '/login'),
        route('projects.show', '/projects/:id'),
        route('', '/health/live'),
        route('admin.index', '/admin'),
      ],
      ['home', 'session.']
    )

    assert.deepEqual(
      tables.guest.map((entry) => entry.name),
      ['home', 'session.store']
    )
    assert.deepEqual(
      tables.app.map((entry) => entry.name),
      ['projects.show', 'admin.index']
    )
  })
})

test.group('Route tables | source', () => {
  test('writes each route as its pattern and tokens, without the copies of the pattern', async ({
    assert,
  }) => {
    const source = tableSource([route('projects.show', '/projects/:id')])

    assert.include(
      source,
      `"projects.show": { pattern: "/projects/:id", tokens: [{"type":0,"val":"projects","end":""},{"type":1,"val":"id","end":""}] },`
    )
    assert.notInclude(source, '"old"')
    const module = await import(
      `data:text/javascript,${encodeURIComponent(source.replace(' as const', ''))}`
    )
    assert.deepEqual(module.routes['projects.show'].tokens[1], { type: 1, val: 'id', end: '' })
  })
})
