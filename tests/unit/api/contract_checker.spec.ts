import { test } from '@japa/runner'
import { ContractChecker } from '#tests/helpers/contract_checker'
import { coverageReport, isFullRun } from '#tests/helpers/api_contract'
import { noteDocument } from '#tests/helpers/api_documents'

const JSON_TYPE = 'application/json; charset=utf-8'
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8'
const note = { id: 1, title: 'Call the printer' }
const notFound = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such note' }

test.group('ContractChecker | check', () => {
  test('accepts a response the document describes', ({ assert }) => {
    const checker = new ContractChecker(noteDocument())

    assert.deepEqual(
      checker.check({
        method: 'GET',
        url: 'http://localhost:3333/api/v1/projects/4/notes/9?expand=1',
        status: 200,
        contentType: JSON_TYPE,
        text: JSON.stringify({ data: note }),
      }),
      []
    )
    assert.deepEqual(
      checker.check({
        method: 'GET',
        url: '/api/v1/projects/4/notes/9',
        status: 404,
        contentType: PROBLEM_TYPE,
        text: JSON.stringify(notFound),
      }),
      []
    )
  })

  test('refuses a body its schema does not allow', ({ assert }) => {
    const checker = new ContractChecker(noteDocument())

    const problems = checker.check({
      method: 'GET',
      url: '/api/v1/projects/4/notes/9',
      status: 200,
      contentType: JSON_TYPE,
      text: JSON.stringify({ data: { id: 'one', title: 'Call the printer', secret: true } }),
    })

    assert.deepEqual(problems, [
      'GET /api/v1/projects/4/notes/9 200: body/data must NOT have additional properties ' +
        '(#/properties/data/additionalProperties)',
      'GET /api/v1/projects/4/notes/9 200: body/data/id must be integer ' +
        '(#/properties/data/properties/id/type)',
    ])
  })

  test('refuses a 422 without its field errors, and a list without its links', ({ assert }) => {
    const checker = new ContractChecker(noteDocument())

    const invalid = checker.check({
      method: 'POST',
      url: '/api/v1/notes',
      status: 422,
      contentType: PROBLEM_TYPE,
      text: JSON.stringify({ ...notFound, status: 422, title: 'Unprocessable Content' }),
    })
    const list = checker.check({
      method: 'GET',
      url: '/api/v1/notes',
      status: 200,
      contentType: JSON_TYPE,
      text: JSON.stringify({
        data: [note],
        meta: { paging: 'cursor', perPage: 20, nextCursor: null },
      }),
    })

    assert.lengthOf(invalid, 1)
    assert.match(
      invalid[0],
      /^POST \/api\/v1\/notes 422: body must have required property 'errors'/
    )
    assert.lengthOf(list, 1)
    assert.match(list[0], /^GET \/api\/v1\/notes 200: body must have required property 'links'/)
  })

  test('refuses an undocumented status, media type or operation', ({ assert }) => {
    const checker = new ContractChecker(noteDocument())

    assert.deepEqual(
      checker.check({ method: 'GET', url: '/api/v1/notes', status: 418, text: '' }),
      [
        'GET /api/v1/notes: status 418 is not documented ' +
          '(documented: 200, 400, 401, 403, 422, 429, 500)',
      ]
    )
    assert.deepEqual(
      checker.check({
        method: 'GET',
        url: '/api/v1/projects/4/notes/9',
        status: 404,
        contentType: JSON_TYPE,
        text: JSON.stringify(notFound),
      }),
      [
        'GET /api/v1/projects/4/notes/9 404: Content-Type "application/json", documented ' +
          '"application/problem+json"',
      ]
    )
    assert.deepEqual(
      checker.check({ method: 'DELETE', url: '/api/v1/notes', status: 204, text: '' }),
      ['DELETE /api/v1/notes: no operation of the OpenAPI document matches this call']
    )
  })

  test('lets a call that matches no operation be refused with a 404 or 405 problem only', ({
    assert,
  }) => {
    const checker = new ContractChecker(noteDocument())
    const refusal = (status: number, contentType: string, body: object) =>
      checker.check({
        method: 'GET',
        url: '/api/v1/projects/4/notes/abc',
        status,
        contentType,
        text: JSON.stringify(body),
      })

    assert.deepEqual(refusal(404, PROBLEM_TYPE, notFound), [])
    assert.deepEqual(refusal(404, JSON_TYPE, { errors: [] }), [
      'GET /api/v1/projects/4/notes/abc 404: Content-Type "application/json", documented ' +
        '"application/problem+json"',
    ])
    assert.lengthOf(refusal(404, PROBLEM_TYPE, { message: 'Not found' }), 4)
    assert.deepEqual(refusal(200, JSON_TYPE, { data: note }), [
      'GET /api/v1/projects/4/notes/abc: no operation of the OpenAPI document matches this call',
    ])
    assert.isFalse(checker.missing().some((pair) => pair.includes('abc')))
  })
})

test.group('ContractChecker | coverage', () => {
  test('reports the documented statuses no checked response produced', ({ assert }) => {
    const checker = new ContractChecker(noteDocument())
    checker.check({
      method: 'GET',
      url: '/api/v1/projects/4/notes/9',
      status: 404,
      contentType: PROBLEM_TYPE,
      text: JSON.stringify(notFound),
    })
    checker.check({ method: 'GET', url: '/api/v1/projects/4/notes/9', status: 304, text: '' })

    const missing = checker.missing([500])

    assert.notInclude(missing, 'GET /api/v1/projects/{projectId}/notes/{id} 404')
    assert.notInclude(missing, 'GET /api/v1/projects/{projectId}/notes/{id} 304')
    assert.notInclude(missing, 'GET /api/v1/notes 500')
    assert.include(missing, 'GET /api/v1/projects/{projectId}/notes/{id} 200')
    assert.include(missing, 'PATCH /api/v1/projects/{projectId}/notes/{id} 412')
    assert.include(missing, 'POST /api/v1/notes 409')
    assert.deepEqual(missing, [...missing].sort())
    assert.lengthOf(missing, 6 + 7 + 8 + 9 - 2)
  })

  test('a refused body still counts its status as produced only when documented', ({ assert }) => {
    const checker = new ContractChecker(noteDocument())
    checker.check({ method: 'GET', url: '/api/v1/notes', status: 418, text: '' })

    assert.include(checker.missing(), 'GET /api/v1/notes 200')
    assert.isFalse(checker.missing().some((pair) => pair.endsWith(' 418')))
  })
})

test.group('ContractChecker | full run', () => {
  test('checks coverage only when every functional spec file runs', ({ assert }) => {
    assert.isTrue(isFullRun({}))
    assert.isTrue(isFullRun({ files: [], suites: ['unit', 'functional'] }))
    assert.isTrue(isFullRun({ tags: ['~@whole_suite'] }))

    assert.isFalse(isFullRun({ files: ['tests/functional/api/tasks.spec.ts'] }))
    assert.isFalse(isFullRun({ tests: ['lists tasks'] }))
    assert.isFalse(isFullRun({ groups: ['Tasks | index'] }))
    assert.isFalse(isFullRun({ tags: ['@slow'] }))
    assert.isFalse(isFullRun({ suites: ['unit'] }))
  })
})

test.group('ContractChecker | coverage report', () => {
  test('fails a full run that left a documented status unproduced, listing the pairs', ({
    assert,
  }) => {
    const checker = new ContractChecker(noteDocument())

    const report = coverageReport({}, () => checker.missing([500]))

    assert.isTrue(report.failed)
    assert.include(report.message, '30 documented (operation, status) pair(s) no test produced')
    assert.include(report.message, '\n  PATCH /api/v1/projects/{projectId}/notes/{id} 428')
  })

  test('passes a full run that produced every pair, and skips a filtered run', ({ assert }) => {
    let asked = false
    const filtered = coverageReport({ files: ['tests/functional/x.spec.ts'] }, () => {
      asked = true
      return ['GET /api/v1/notes 200']
    })

    assert.deepEqual(
      coverageReport({}, () => []),
      {
        failed: false,
        message: 'API contract coverage: every documented (operation, status) pair was produced',
      }
    )
    assert.isFalse(filtered.failed)
    assert.include(filtered.message, 'skipped')
    assert.isFalse(asked)
  })
})
