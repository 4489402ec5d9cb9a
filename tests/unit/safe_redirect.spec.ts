import { test } from '@japa/runner'
import { safeRedirectPath } from '#services/http/safe_redirect'

test.group('safeRedirectPath', () => {
  test('keeps paths on this site, with their query and fragment', ({ assert }) => {
    assert.equal(safeRedirectPath('/projects/1?tab=tasks#top'), '/projects/1?tab=tasks#top')
    assert.equal(safeRedirectPath('/'), '/')
  })

  test('refuses every way out of the site', ({ assert }) => {
    for (const target of [
      'https://evil.example',
      'http:/evil.example',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      ' /path',
      '/\t/evil.example',
      '/\n/evil.example',
      'evil.example',
      '',
      '/'.padEnd(2001, 'a'),
      '/..//evil.example',
      '/.//evil.example',
      '/%2e%2e//evil.example',
      '/a/../..//evil.example',
    ]) {
      assert.equal(safeRedirectPath(target, '/home'), '/home', JSON.stringify(target))
    }
  })

  test('refuses values that are not strings', ({ assert }) => {
    assert.equal(safeRedirectPath(undefined), '/')
    assert.equal(safeRedirectPath(['/a']), '/')
    assert.equal(safeRedirectPath({ path: '/a' }), '/')
  })
})
