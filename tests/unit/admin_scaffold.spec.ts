import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import UserSession from '#models/user_session'
import {
  activitySubjectOf,
  addRegistration,
  describeModel,
  inferAdminOptions,
  isRegisteredIn,
  renderAdminOptions,
  type ModelDescription,
  type ScaffoldColumn,
} from '#scaffold/admin_scaffold'
import { scaffoldTsProject, prettified } from '#tests/helpers/scaffold_ts_project'

/** A column of a fake model: short text unless told otherwise. */
function column(attribute: string, options: Partial<ScaffoldColumn> = {}): ScaffoldColumn {
  return {
    attribute,
    isPrimary: false,
    hidden: false,
    autoCreate: false,
    autoUpdate: false,
    type: 'text',
    long: false,
    ...options,
  }
}

const id = column('id', { isPrimary: true, type: 'number' })
const createdAt = column('createdAt', { type: 'datetime', autoCreate: true })
const updatedAt = column('updatedAt', { type: 'datetime', autoCreate: true, autoUpdate: true })

/** An article: a title, a hidden secret, long text, a project and an author, timestamps. */
const article: ModelDescription = {
  typed: true,
  columns: [
    id,
    column('projectId', { type: 'number' }),
    column('slug'),
    column('title'),
    column('secret', { hidden: true }),
    column('body', { long: true }),
    column('summary'),
    column('kind'),
    column('wordCount', { type: 'number' }),
    column('published', { type: 'boolean' }),
    column('publishedOn', { type: 'date' }),
    column('reviewedAt', { type: 'datetime' }),
    column('authorId', { type: 'number' }),
    createdAt,
    updatedAt,
  ],
  belongsTo: [
    { name: 'project', foreignKey: 'projectId', relatedTitle: 'name' },
    { name: 'author', foreignKey: 'authorId', relatedTitle: 'fullName' },
  ],
}

test.group('Admin scaffold | inference', () => {
  test('lists the title, five short columns, relations by their title, then createdAt', ({
    assert,
  }) => {
    assert.deepEqual(inferAdminOptions(article).listDisplay, [
      'title',
      'slug',
      'summary',
      'kind',
      'wordCount',
      'published',
      'project.name',
      'author.fullName',
      'createdAt',
    ])
  })

  test('lists the primary key first when no column names the object', ({ assert }) => {
    const invoice: ModelDescription = {
      typed: true,
      columns: [id, column('number'), column('notes', { long: true }), createdAt],
      belongsTo: [],
    }
    assert.deepEqual(inferAdminOptions(invoice).listDisplay, ['id', 'number', 'createdAt'])
  })

  test('shows a relation whose model has no title by its foreign key', ({ assert }) => {
    const comment: ModelDescription = {
      typed: true,
      columns: [id, column('taskId', { type: 'number' }), column('body', { long: true })],
      belongsTo: [{ name: 'task', foreignKey: 'taskId', relatedTitle: null }],
    }
    const options = inferAdminOptions(comment)
    assert.deepEqual(options.listDisplay, ['id', 'taskId'])
    assert.deepEqual(options.fields, ['task', 'body'])
    assert.deepEqual(options.fieldOptions, { body: { widget: 'textarea' } })
  })

  test('searches the title and short text columns, at most three', ({ assert }) => {
    assert.deepEqual(inferAdminOptions(article).searchFields, ['title', 'slug', 'summary'])

    const session: ModelDescription = {
      typed: true,
      columns: [id, column('keyHash', { hidden: true }), column('ipAddress'), createdAt],
      belongsTo: [],
    }
    assert.deepEqual(inferAdminOptions(session).searchFields, ['ipAddress'])
  })

  test('without the table, searches only the title and filters only dates', ({ assert }) => {
    const untyped: ModelDescription = {
      typed: false,
      columns: article.columns.map((candidate) => ({
        ...candidate,
        type: candidate.type === 'date' || candidate.type === 'datetime' ? candidate.type : null,
        long: false,
      })),
      belongsTo: article.belongsTo,
    }
    const options = inferAdminOptions(untyped)
    assert.deepEqual(options.searchFields, ['title'])
    assert.deepEqual(options.listFilter, ['publishedOn', 'reviewedAt', 'project', 'author'])
  })

  test('filters booleans, dates and relations, at most four', ({ assert }) => {
    assert.deepEqual(inferAdminOptions(article).listFilter, [
      'published',
      'publishedOn',
      'reviewedAt',
      'project',
    ])
  })

  test('filters on createdAt only when there is no other date', ({ assert }) => {
    const comment: ModelDescription = {
      typed: true,
      columns: [id, column('authorId', { type: 'number' }), createdAt, updatedAt],
      belongsTo: [{ name: 'author', foreignKey: 'authorId', relatedTitle: 'fullName' }],
    }
    assert.deepEqual(inferAdminOptions(comment).listFilter, ['createdAt', 'author'])
    assert.notInclude(inferAdminOptions(article).listFilter, 'createdAt')
  })

  test('orders by -id, or by -createdAt when there is no id', ({ assert }) => {
    assert.deepEqual(inferAdminOptions(article).ordering, ['-id'])
    const keyed: ModelDescription = {
      typed: true,
      columns: [column('code', { isPrimary: true }), column('name'), createdAt],
      belongsTo: [],
    }
    assert.deepEqual(inferAdminOptions(keyed).ordering, ['-createdAt'])
  })

  test('puts every editable column on the form, relations for foreign keys', ({ assert }) => {
    const options = inferAdminOptions(article)
    assert.deepEqual(options.fields, [
      'project',
      'slug',
      'title',
      'body',
      'summary',
      'kind',
      'wordCount',
      'published',
      'publishedOn',
      'reviewedAt',
      'author',
    ])
    assert.deepEqual(options.fieldOptions, {
      'body': { widget: 'textarea' },
      'project.name': { label: 'Project' },
      'author.fullName': { label: 'Author' },
    })
  })

  test('describes a model by its columns and belongsTo relations', ({ assert }) => {
    const description = describeModel(UserSession, null)
    assert.isFalse(description.typed)
    assert.deepEqual(
      description.columns.map((candidate) => [candidate.attribute, candidate.type]),
      [
        ['id', null],
        ['userId', null],
        ['keyHash', null],
        ['ipAddress', null],
        ['userAgent', null],
        ['createdAt', 'datetime'],
        ['lastSeenAt', 'datetime'],
      ]
    )
    assert.deepEqual(
      description.columns.filter((candidate) => candidate.hidden).map((hidden) => hidden.attribute),
      ['keyHash']
    )
    assert.deepEqual(description.belongsTo, [
      { name: 'user', foreignKey: 'userId', relatedTitle: 'fullName' },
    ])
  })
})

test.group('Admin scaffold | source', () => {
  test('renders the options a line each, the activity subject only when known', ({ assert }) => {
    const scaffold = inferAdminOptions({
      typed: true,
      columns: [id, column('name'), column('notes', { long: true })],
      belongsTo: [],
    })
    assert.equal(
      renderAdminOptions(scaffold, { area: 'Billing', activitySubject: null }),
      [
        "  area = 'Billing'",
        "  listDisplay = ['name']",
        "  searchFields = ['name']",
        '  listFilter = []',
        "  ordering = ['-id']",
        "  fieldsets = [{ title: null, fields: ['name', 'notes'] }]",
        "  fieldOptions = { 'notes': { widget: 'textarea' as const } }",
      ].join('\n')
    )
    assert.include(
      renderAdminOptions(scaffold, { area: 'Content', activitySubject: 'invoice' }),
      "  activitySubject = 'invoice'\n"
    )
  })

  test('reads the activity subject from withActivity in the model source', ({ assert }) => {
    assert.equal(activitySubjectOf("withActivity({ subjectType: 'label', projectId })"), 'label')
    assert.equal(
      activitySubjectOf("const Recorded = withActivity({\n  subjectType: 'comment',\n})"),
      'comment'
    )
    assert.isNull(activitySubjectOf('export default class Invoice extends BaseModel {}'))
  })
})

const REGISTRATIONS = [
  '/* header */',
  '',
  "import Task from '#models/task'",
  "import adminSite from '#admin/admin_site'",
  "import { TaskAdmin } from '#admin/models/task_admin'",
  '',
  'adminSite.register(Task, TaskAdmin)',
  '',
  'adminSite.check()',
  '',
].join('\n')

/** Where the edited registrations are, in memory only. */
const REGISTRATIONS_PATH = app.makePath('tmp/admin_scaffold/start/admin.ts')

const INVOICE = {
  modelName: 'Invoice',
  modelFile: 'invoice',
  adminName: 'InvoiceAdmin',
  adminFile: 'invoice_admin',
}

test.group('Admin scaffold | registration', () => {
  test('adds both imports after their kind and the registration before check()', async ({
    assert,
  }) => {
    assert.equal(
      await prettified(
        addRegistration(await scaffoldTsProject(), REGISTRATIONS_PATH, REGISTRATIONS, INVOICE)
      ),
      await prettified(
        [
          '/* header */',
          '',
          "import Task from '#models/task'",
          "import Invoice from '#models/invoice'",
          "import adminSite from '#admin/admin_site'",
          "import { TaskAdmin } from '#admin/models/task_admin'",
          "import { InvoiceAdmin } from '#admin/models/invoice_admin'",
          '',
          'adminSite.register(Task, TaskAdmin)',
          'adminSite.register(Invoice, InvoiceAdmin)',
          '',
          'adminSite.check()',
          '',
        ].join('\n')
      )
    )
  })

  test('registers the first model before check()', async ({ assert }) => {
    const empty = "import adminSite from '#admin/admin_site'\n\nadminSite.check()\n"
    assert.equal(
      await prettified(
        addRegistration(await scaffoldTsProject(), REGISTRATIONS_PATH, empty, INVOICE)
      ),
      await prettified(
        [
          "import adminSite from '#admin/admin_site'",
          "import Invoice from '#models/invoice'",
          "import { InvoiceAdmin } from '#admin/models/invoice_admin'",
          '',
          'adminSite.register(Invoice, InvoiceAdmin)',
          '',
          'adminSite.check()',
          '',
        ].join('\n')
      )
    )
  })

  test('tells a registered model by its register() call', ({ assert }) => {
    assert.isTrue(isRegisteredIn(REGISTRATIONS, 'Task'))
    assert.isTrue(isRegisteredIn('adminSite.register(Invoice)', 'Invoice'))
    assert.isFalse(isRegisteredIn(REGISTRATIONS, 'TaskList'))
    assert.isFalse(isRegisteredIn(REGISTRATIONS, 'Invoice'))
  })
})
