import { test } from '@japa/runner'
import { likePattern } from '#admin/search'

test.group('Admin search | likePattern', () => {
  test('wraps the lower-cased term in wildcards', ({ assert }) => {
    assert.equal(likePattern('Fuel Tank'), '%fuel tank%')
  })

  test('escapes the wildcards and the escape character of the term', ({ assert }) => {
    assert.equal(likePattern('100%'), '%100\\%%')
    assert.equal(likePattern('snake_case'), '%snake\\_case%')
    assert.equal(likePattern('back\\slash'), '%back\\\\slash%')
    assert.equal(likePattern('%_\\'), '%\\%\\_\\\\%')
  })
})
