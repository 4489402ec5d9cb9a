import { test } from '@japa/runner'
import {
  FieldSpecException,
  checkFieldSpecs,
  parseFieldSpec,
  parseFieldSpecs,
} from '#scaffold/field_spec'

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
      relation: null,
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
      [field.type, field.column, field.property, field.relation],
      ['belongs_to', 'project_id', 'projectId', { model: 'Project', property: 'project' }]
    )
  })

  test('points a belongs_to at the model its name or its argument gives', ({ assert }) => {
    const pick = (spec: string) => {
      const { column, property, nullable, relation } = parseFieldSpec(spec)
      return { column, property, nullable, relation }
    }
    assert.deepEqual(pick('customer:belongs_to'), {
      column: 'customer_id',
      property: 'customerId',
      nullable: false,
      relation: { model: 'Customer', property: 'customer' },
    })
    assert.deepEqual(pick('reviewer:belongs_to(user)?'), {
      column: 'reviewer_id',
      property: 'reviewerId',
      nullable: true,
      relation: { model: 'User', property: 'reviewer' },
    })
    assert.deepEqual(pick('line_item:belongs_to:nullable'), {
      column: 'line_item_id',
      property: 'lineItemId',
      nullable: true,
      relation: { model: 'LineItem', property: 'lineItem' },
    })
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
      { spec: 'version:integer', message: 'The field name "version" is reserved' },
      { spec: 'owner:belongs_to', message: 'The field name "owner" is reserved' },
      {
        spec: 'project:belongs_to?',
        message: 'a resource belongs to a project as project:belongs_to',
      },
      { spec: 'boss:belongs_to(project)', message: 'a resource belongs to a project as project:' },
      { spec: 'customer:belongs_to!', message: 'a belongs_to field cannot be unique' },
      { spec: 'customer:belongs_to(my-model)', message: 'Bad model name "my-model"' },
      { spec: 'paid:boolean(yes)', message: 'The type boolean takes no argument' },
      { spec: 'paid:boolean!', message: 'unique is supported on string and integer fields only' },
      { spec: 'amount:decimal:big', message: 'Unknown modifier "big"' },
    ])
    .run(({ assert }, { spec, message }) => {
      assert.throws(() => parseFieldSpec(spec), FieldSpecException, message)
    })

  test('refuses a field given twice, and a resource with no field of its own', ({ assert }) => {
    assert.throws(
      () => parseFieldSpecs(['number:string', 'number:integer']),
      'The field "number" is given twice'
    )
    assert.throws(
      () => parseFieldSpecs(['project:belongs_to', 'customer:belongs_to']),
      'Give at least one field that is not a belongs_to'
    )
  })

  test('collects every problem of the specs, keeping the fields that parse', ({ assert }) => {
    const checked = checkFieldSpecs([
      'number:string',
      'amount:money',
      'id:integer',
      'number:integer',
      'project:belongs_to',
    ])
    assert.deepEqual(checked.problems, [
      'Unknown type "money" in "amount:money": use one of string, text, integer, decimal, boolean, date, datetime, enum, belongs_to',
      'The field name "id" is reserved: pick another name',
      'The field "number" is given twice',
    ])
    assert.equal(checked.scope, 'project')
    assert.deepEqual(
      checked.fields.map((field) => `${field.column}:${field.type}`),
      ['number:string', 'number:integer']
    )
  })

  test('belongs to a project with project:belongs_to, else to its creator', ({ assert }) => {
    const inProject = parseFieldSpecs([
      'number:string',
      'project:belongs_to',
      'customer:belongs_to',
    ])
    assert.equal(inProject.scope, 'project')
    assert.deepEqual(
      inProject.fields.map((field) => field.column),
      ['number', 'customer_id']
    )

    const owned = parseFieldSpecs(['title:string', 'body:text?'])
    assert.equal(owned.scope, 'owner')
    assert.deepEqual(
      owned.fields.map((field) => field.column),
      ['title', 'body']
    )
  })
})
