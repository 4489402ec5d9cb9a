import { test } from '@japa/runner'
import { defineConfig } from '@adonisjs/core/http'
import { serializeJSON } from '#services/http/serialize_json'

const { serializeJSON: frameworkSerializeJSON } = defineConfig({})

/** A page object with the kinds of values pages carry. */
const PAGE = {
  component: 'projects/tasks/index',
  url: '/projects/1/tasks?status=todo',
  version: 'abc',
  props: {
    user: { id: 1, fullName: 'Ada "Countess" Lovelace', email: 'ada@example.com' },
    tasks: [
      {
        id: 7,
        title: '</script><!--<script> & \u2028 \u2029 \ud800 é 🎉',
        dueOn: null,
        updatedAt: new Date('2026-11-02T10:00:00Z'),
        labels: [{ id: 1, name: 'Bug', color: 'red' }],
        skipped: undefined,
      },
    ],
    counts: { todo: 1, done: 0, ratio: 0.5, big: 1e21, notANumber: Number.NaN },
    empty: [],
    sparse: [1, undefined, 3],
  },
  flash: { success: null },
}

test.group('serializeJSON', () => {
  test('writes exactly the framework serializer text for plain data', ({ assert }) => {
    assert.equal(serializeJSON(PAGE), frameworkSerializeJSON(PAGE))
    assert.equal(serializeJSON('a string'), frameworkSerializeJSON('a string'))
    assert.equal(serializeJSON([1, 'two', null]), frameworkSerializeJSON([1, 'two', null]))
  })

  test('serializes with native JSON.stringify', ({ assert }) => {
    const stringify = JSON.stringify
    const seen: unknown[] = []
    JSON.stringify = function (this: JSON, ...args: Parameters<typeof stringify>) {
      seen.push(args[0])
      return stringify.apply(this, args)
    } as typeof stringify
    try {
      serializeJSON(PAGE)
    } finally {
      JSON.stringify = stringify
    }

    assert.strictEqual(seen[0], PAGE)
  })

  test('gives what the framework gives for a cycle or a bigint', ({ assert }) => {
    const cyclic: Record<string, unknown> = { name: 'a' }
    cyclic.self = cyclic
    const withBigint = { id: 12n, name: 'b' }

    assert.equal(serializeJSON(cyclic), frameworkSerializeJSON(cyclic))
    assert.equal(serializeJSON(cyclic), '{"name":"a"}')
    assert.equal(serializeJSON(withBigint), '{"id":"12","name":"b"}')
    assert.equal(serializeJSON(withBigint), frameworkSerializeJSON(withBigint))
  })
})
