import { test } from '@japa/runner'
import { FieldSpecError, parseFieldSpec, parseFieldSpecs } from '#services/scaffold/field_spec'

test.group('make:resource | field specs', () => {
  test('parses a plain field into its column and property', ({ assert }) => {
    assert.deepEqual(parseFieldSpec('issued_on:date'), {
      name: 'issued_on',
      column: 'issued_on',
      property: 'issuedOn',
      type: 'date',
      nullable: false,
      unique: false,
      values: [],
    })
  })

  test('reads ? and ! suffixes and :nullable and :unique modifiers', ({ assert }) => {
    const pick = (spec: string) => {
      const { nullable, unique } = parseFieldSpec(spec)
      return { nullable, unique }
    }
    assert.deepEqual(pick('notes:text?'), { nullable: true, unique: false })
    assert.deepEqual(pick('number:string!'), { nullable: false, unique: true })
    assert.deepEqual(pick('number:string?!'), { nullable: true, unique: true })
    assert.deepEqual(pick('number:string:unique'), { nullable: false, unique: true })
    assert.deepEqual(pick('code:integer:nullable:unique'), { nullable: true, unique: true })
  })

  test('reads the values of an enum', ({ assert }) => {
    const field = parseFieldSpec('status:enum(draft, sent,paid)?')
    assert.deepEqual(
      [field.type, field.values, field.nullable],
      ['enum', ['draft', 'sent', 'paid'], true]
    )
  })

  test('makes project:belongs_to the project_id column', ({ assert }) => {
    const field = parseFieldSpec('project:belongs_to')
    assert.deepEqual(
      [field.type, field.column, field.property],
      ['belongs_to', 'project_id', 'projectId']
    )
  })

  test('refuses {spec} with a message naming the problem')
    .with([
      { spec: 'amount', message: 'The field "amount" has no type' },
      { spec: 'amount:money', message: 'Unknown type "money" in "amount:money"' },
      { spec: 'Amount:decimal', message: 'Bad field name "Amount"' },
      { spec: '2fa:boolean', message: 'Bad field name "2fa"' },
      { spec: 'status:enum', message: 'The enum "status:enum" has no values' },
      { spec: 'status:enum()', message: 'The enum "status:enum()" has an empty value' },
      { spec: 'status:enum(a,,b)', message: 'has an empty value' },
      { spec: 'status:enum(Draft)', message: 'Bad enum value "Draft"' },
      { spec: 'status:enum(a,a)', message: 'repeats a value' },
      { spec: 'id:integer', message: 'The field name "id" is reserved' },
      { spec: 'created_at:datetime', message: 'The field name "created_at" is reserved' },
      { spec: 'owner:belongs_to', message: 'only project:belongs_to is supported' },
      { spec: 'project:belongs_to?', message: 'a belongs_to field takes no modifiers' },
      { spec: 'paid:boolean!', message: 'unique is supported on string and integer fields only' },
      { spec: 'amount:decimal:big', message: 'Unknown modifier "big"' },
    ])
    .run(({ assert }, { spec, message }) => {
      assert.throws(() => parseFieldSpec(spec), FieldSpecError, message)
    })

  test('refuses a field given twice, and a resource with no field of its own', ({ assert }) => {
    assert.throws(
      () => parseFieldSpecs(['number:string', 'number:integer']),
      'The field "number" is given twice'
    )
    assert.throws(
      () => parseFieldSpecs(['project:belongs_to']),
      'Give at least one field besides belongs_to'
    )
    assert.lengthOf(parseFieldSpecs(['number:string', 'project:belongs_to']), 2)
  })
})
