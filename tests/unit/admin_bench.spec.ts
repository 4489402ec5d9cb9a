import { test } from '@japa/runner'
import {
  type BenchResult,
  benchScenarios,
  benchTableRows,
  exactCountsOf,
  formatCount,
  parseFilter,
  percentile,
  slowScenarios,
  statsOf,
} from '#sample_data/admin_bench'

function result(scenario: string, samples: number[]): BenchResult {
  return { scenario, samples, rows: 50, count: { value: 1_000_000, kind: 'estimate' } }
}

test.group('admin:bench | statistics', () => {
  test('takes the middle timing as the median of an odd count', ({ assert }) => {
    assert.deepEqual(statsOf([9, 1, 5, 3, 7]), { median: 5, p95: 9, min: 1 })
  })

  test('averages the middle two timings for an even count', ({ assert }) => {
    assert.equal(statsOf([4, 1, 3, 2]).median, 2.5)
  })

  test('reads the 95th percentile by nearest rank', ({ assert }) => {
    const sorted = Array.from({ length: 30 }, (_, index) => index + 1)
    assert.equal(percentile(sorted, 0.95), 29)
    assert.equal(percentile(sorted, 0.5), 15)
    assert.equal(percentile([7], 0.95), 7)
  })

  test('refuses to summarize no timings', ({ assert }) => {
    assert.throws(() => statsOf([]), 'No timings to summarize')
  })

  test('names the scenarios whose median reaches the budget', ({ assert }) => {
    const results = [result('fast', [10, 20, 30]), result('slow', [90, 100, 300])]
    assert.deepEqual(
      slowScenarios(results, 100).map((slow) => slow.scenario),
      ['slow']
    )
    assert.deepEqual(slowScenarios(results, 101), [])
  })
})

test.group('admin:bench | scenarios', () => {
  test('times the first page, a filter, a search, both, a sort and page 2', ({ assert }) => {
    assert.deepEqual(
      benchScenarios({ filter: 'status=done', search: 'login', sort: '-priority' }),
      [
        { name: 'first page (default ordering)', query: {} },
        { name: 'filtered page (status=done)', query: { status: 'done' } },
        { name: 'search (login)', query: { q: 'login' } },
        { name: 'filtered + search', query: { status: 'done', q: 'login' } },
        { name: 'sorted (-priority)', query: { sort: '-priority' } },
        { name: 'page 2', query: { page: '2' } },
      ]
    )
  })

  test('leaves out the scenarios without a filter or a search term', ({ assert }) => {
    assert.deepEqual(
      benchScenarios({ search: '  ' }).map((scenario) => scenario.name),
      ['first page (default ordering)', 'page 2']
    )
  })

  test('reads several filters and refuses one without a value', ({ assert }) => {
    assert.deepEqual(parseFilter('status=done&project=12'), { status: 'done', project: '12' })
    assert.throws(() => parseFilter('status'), 'The filter "status" is not of the form name=value')
  })
})

test.group('admin:bench | table', () => {
  test('prints timings with one decimal and the count as the page shows it', ({ assert }) => {
    const rows = benchTableRows([
      result('first page (default ordering)', [5.04, 7.26, 6.11]),
      { scenario: 'search', samples: [40], rows: 50, count: { value: 10_000, kind: 'atLeast' } },
      { scenario: 'tiny', samples: [1], rows: 3, count: { value: 3, kind: 'exact' } },
    ])
    assert.deepEqual(rows, [
      ['first page (default ordering)', '6.1', '7.3', '5.0', '50', '~1,000,000', 'estimate'],
      ['search', '40.0', '40.0', '40.0', '50', '10,000+', 'atLeast'],
      ['tiny', '1.0', '1.0', '1.0', '3', '3', 'exact'],
    ])
    assert.equal(formatCount({ value: 1234, kind: 'exact' }), '1,234')
  })
})

test.group('admin:bench | exact counts', () => {
  test('finds a count straight over the table, on either dialect', ({ assert }) => {
    const sqlite = 'select count(*) as `total` from `tasks` where `tasks`.`status` = ? limit ?'
    const pg = 'select count(*) as "total" from "tasks" limit $1'
    assert.deepEqual(exactCountsOf([sqlite, pg], 'tasks'), [sqlite, pg])
  })

  test('lets a bounded count, a page and another table through', ({ assert }) => {
    const statements = [
      'select count(*) as `total` from (select 1 from `tasks` where `status` = ? limit ?) as `bounded` limit ?',
      'select `tasks`.`id` as `__key` from `tasks` order by `tasks`.`id` desc limit ?',
      'select count(*) as "total" from "tasks_archive"',
      'select count(*) as "total" from "projects"',
    ]
    assert.deepEqual(exactCountsOf(statements, 'tasks'), [])
  })
})
