import { test } from '@japa/runner'
import { csvField } from '#admin/csv_export'

test.group('Admin CSV export | csvField', () => {
  test('writes plain text and numbers as they are', ({ assert }) => {
    assert.equal(csvField('Check the fuel'), 'Check the fuel')
    assert.equal(csvField(42), '42')
    assert.equal(csvField(0), '0')
    assert.equal(csvField('2024-05-01T10:00:00.000Z'), '2024-05-01T10:00:00.000Z')
  })

  test('writes booleans as yes and no, null as an empty field', ({ assert }) => {
    assert.equal(csvField(true), 'yes')
    assert.equal(csvField(false), 'no')
    assert.equal(csvField(null), '')
  })

  test('quotes a field holding a comma, a quote or a line break', ({ assert }) => {
    assert.equal(csvField('Apollo, Gemini'), '"Apollo, Gemini"')
    assert.equal(csvField('say "go"'), '"say ""go"""')
    assert.equal(csvField('line one\nline two'), '"line one\nline two"')
    assert.equal(csvField('line one\r\nline two'), '"line one\r\nline two"')
    assert.equal(csvField('"'), '""""')
  })

  test('prefixes a field starting with = + - or @ with a quote mark', ({ assert }) => {
    assert.equal(csvField('=SUM(A1:A9)'), "'=SUM(A1:A9)")
    assert.equal(csvField('+33 1 23 45'), "'+33 1 23 45")
    assert.equal(csvField('-2+3'), "'-2+3")
    assert.equal(csvField('@admin'), "'@admin")
    assert.equal(csvField('\tindented'), "'\tindented")
    assert.equal(csvField('a=b'), 'a=b')
  })

  test('defuses a formula before quoting it', ({ assert }) => {
    assert.equal(
      csvField('=HYPERLINK("http://x.test","go")'),
      `"'=HYPERLINK(""http://x.test"",""go"")"`
    )
    assert.equal(csvField('=1,2'), `"'=1,2"`)
    assert.equal(csvField('\r=1'), `"'\r=1"`)
  })

  test('writes a negative number as a number, not as defused text', ({ assert }) => {
    assert.equal(csvField(-5), '-5')
    assert.equal(csvField(-0.5), '-0.5')
  })
})
