import { test } from '@japa/runner'
import { serializePageData } from '#services/http/page_data'

test.group('serializePageData', () => {
  test('leaves no character that can end or open markup inside a script', ({ assert }) => {
    const output = serializePageData({ name: '</script><!--<script>&' })

    assert.notMatch(output, /[<>&]/)
    assert.equal(output, '{"name":"\\u003c/script\\u003e\\u003c!--\\u003cscript\\u003e\\u0026"}')
  })

  test('escapes the line separators JavaScript once treated as newlines', ({ assert }) => {
    assert.equal(serializePageData('a\u2028b\u2029c'), '"a\\u2028b\\u2029c"')
  })

  test('reads back to exactly the original data', ({ assert }) => {
    const data = {
      text: '</script><!--<script>alert(1)</script>& \u2028 é 🙂',
      list: [1, null, true],
    }

    assert.deepEqual(JSON.parse(serializePageData(data)), data)
  })
})
