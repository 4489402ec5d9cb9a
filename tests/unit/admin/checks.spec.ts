import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import Task from '#models/task'
import Label from '#models/label'
import Project from '#models/project'
import appAdminSite, { AdminSite, type ModelAdminClass } from '#admin/admin_site'
import { ModelAdmin } from '#admin/model_admin'
import { AdminChecksException } from '#admin/exceptions'
import { isFieldPath, problemsOf as problemsOfAdmin } from '#admin/checks'
import { ADMIN_CHECKS, type AdminCheckCode } from '#admin/check_codes'
import type { BulkAction } from '#admin/bulk_actions'
import { markTasks } from '#admin/models/task_actions'
import { taskFields } from '#validators/task'

/** What `check()` of `site` throws; fails the test when it passes. */
function checkError(site: AdminSite): AdminChecksException {
  try {
    site.check()
  } catch (error) {
    if (error instanceof AdminChecksException) return error
    throw error
  }
  throw new Error('Expected the admin checks to fail, they passed')
}

/** The codes and messages `check()` of a fresh site holding only this registration reports. */
function problemsOf<Model extends LucidModel>(
  model: Model,
  AdminClass: ModelAdminClass<Model>
): { code: string; message: string }[] {
  const site = new AdminSite()
  site.register(model, AdminClass)
  return checkError(site).problems.map(({ code, message }) => ({ code, message }))
}

/** A bulk action that does nothing, named `name`. */
function action(name: string): BulkAction {
  return { name, label: name, permission: 'change', run: async () => '' }
}

test.group('Admin checks | field paths', () => {
  test('a path is a column or a column of a belongsTo relation', ({ assert }) => {
    assert.isTrue(isFieldPath(Task, 'title'))
    assert.isTrue(isFieldPath(Task, 'projectId'))
    assert.isTrue(isFieldPath(Task, 'project.name'))
    assert.isTrue(isFieldPath(Task, 'assignee.email'))
  })

  test('a typo, a relation alone, a hasMany or manyToMany path and a deep path are not', ({
    assert,
  }) => {
    assert.isFalse(isFieldPath(Task, 'titel'))
    assert.isFalse(isFieldPath(Task, 'project'))
    assert.isFalse(isFieldPath(Task, 'project.nam'))
    assert.isFalse(isFieldPath(Task, 'comments.body'))
    assert.isFalse(isFieldPath(Task, 'labels.name'))
    assert.isFalse(isFieldPath(Task, 'project.owner.email'))
    assert.isFalse(isFieldPath(Task, 'project_id'))
  })
})

test.group('Admin checks | list options', () => {
  test('listDisplay with a typo fails naming the admin, model, option and field', ({ assert }) => {
    class TypoListAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['title', 'titel']
    }

    assert.deepEqual(problemsOf(Task, TypoListAdmin), [
      {
        code: 'admin.E101',
        message:
          'TypoListAdmin (model "Task"), option "listDisplay": "titel" is not a field of Task',
      },
    ])
  })

  test('listDisplay naming a missing column of a relation fails', ({ assert }) => {
    class RelationTypoAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['title', 'project.nam']
    }

    assert.deepEqual(problemsOf(Task, RelationTypoAdmin), [
      {
        code: 'admin.E101',
        message:
          'RelationTypoAdmin (model "Task"), option "listDisplay": "project.nam" is not a field of Task',
      },
    ])
  })

  test('listDisplay through a hasMany relation fails', ({ assert }) => {
    class HasManyPathAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['comments.body']
    }

    assert.deepEqual(problemsOf(Task, HasManyPathAdmin), [
      {
        code: 'admin.E101',
        message:
          'HasManyPathAdmin (model "Task"), option "listDisplay": "comments.body" is not a field of Task',
      },
    ])
  })

  test('computed column names in listDisplay are accepted', ({ assert }) => {
    class ComputedAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['title', 'shout']
      computed = {
        shout: {
          label: 'Shout',
          select: ['title'],
          value: (row: Record<string, unknown>) => String(row.title),
        },
      }
    }
    class UndeclaredComputedAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['title', 'shout']
    }
    const site = new AdminSite()
    site.register(Task, ComputedAdmin)

    assert.doesNotThrow(() => site.check())
    assert.deepEqual(problemsOf(Task, UndeclaredComputedAdmin), [
      {
        code: 'admin.E101',
        message:
          'UndeclaredComputedAdmin (model "Task"), option "listDisplay": "shout" is not a field of Task',
      },
    ])
  })

  test('listDisplay naming an Object.prototype member fails like any unknown field', ({
    assert,
  }) => {
    class PrototypeNameAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['title', 'constructor']
    }

    assert.deepEqual(problemsOf(Task, PrototypeNameAdmin), [
      {
        code: 'admin.E101',
        message:
          'PrototypeNameAdmin (model "Task"), option "listDisplay": "constructor" is not a field of Task',
      },
    ])
  })

  test('searchFields with a typo fails', ({ assert }) => {
    class SearchTypoAdmin extends ModelAdmin<typeof Project> {
      searchFields = ['name', 'owner.emial']
    }

    assert.deepEqual(problemsOf(Project, SearchTypoAdmin), [
      {
        code: 'admin.E102',
        message:
          'SearchTypoAdmin (model "Project"), option "searchFields": "owner.emial" is not a field of Project',
      },
    ])
  })

  test('listFilter on a missing column fails', ({ assert }) => {
    class FilterTypoAdmin extends ModelAdmin<typeof Task> {
      listFilter = ['status', 'stauts']
    }

    assert.deepEqual(problemsOf(Task, FilterTypoAdmin), [
      {
        code: 'admin.E103',
        message:
          'FilterTypoAdmin (model "Task"), option "listFilter": "stauts" is not a column or a belongsTo relation of Task',
      },
    ])
  })

  test('listFilter on a hasMany relation fails', ({ assert }) => {
    class HasManyFilterAdmin extends ModelAdmin<typeof Project> {
      listFilter = ['owner', 'tasks']
    }

    assert.deepEqual(problemsOf(Project, HasManyFilterAdmin), [
      {
        code: 'admin.E103',
        message:
          'HasManyFilterAdmin (model "Project"), option "listFilter": "tasks" is not a column or a belongsTo relation of Project',
      },
    ])
  })

  test('listFilter on a relation field path fails', ({ assert }) => {
    class PathFilterAdmin extends ModelAdmin<typeof Task> {
      listFilter = ['project.name']
    }

    assert.deepEqual(problemsOf(Task, PathFilterAdmin), [
      {
        code: 'admin.E103',
        message:
          'PathFilterAdmin (model "Task"), option "listFilter": "project.name" is not a column or a belongsTo relation of Task',
      },
    ])
  })

  test('ordering on a missing field fails naming it without its dash', ({ assert }) => {
    class OrderingTypoAdmin extends ModelAdmin<typeof Task> {
      ordering = ['title', '-nope']
    }

    assert.deepEqual(problemsOf(Task, OrderingTypoAdmin), [
      {
        code: 'admin.E104',
        message:
          'OrderingTypoAdmin (model "Task"), option "ordering": "nope" is not a field of Task',
      },
    ])
  })

  test('ordering through a relation to a missing column fails', ({ assert }) => {
    class KeylessOrderingAdmin extends ModelAdmin<typeof Task> {
      ordering = ['-id', 'project.nope']
    }

    assert.deepEqual(problemsOf(Task, KeylessOrderingAdmin), [
      {
        code: 'admin.E104',
        message:
          'KeylessOrderingAdmin (model "Task"), option "ordering": "project.nope" is not a field of Task',
      },
    ])
  })

  test('sortableFields with a missing field fails', ({ assert }) => {
    class SortableTypoAdmin extends ModelAdmin<typeof Task> {
      sortableFields = ['title', 'priorty']
    }

    assert.deepEqual(problemsOf(Task, SortableTypoAdmin), [
      {
        code: 'admin.E105',
        message:
          'SortableTypoAdmin (model "Task"), option "sortableFields": "priorty" is not a field of Task',
      },
    ])
  })

  test('perPage of 0 fails', ({ assert }) => {
    class ZeroPageAdmin extends ModelAdmin<typeof Task> {
      perPage = 0
    }

    assert.deepEqual(problemsOf(Task, ZeroPageAdmin), [
      {
        code: 'admin.E106',
        message:
          'ZeroPageAdmin (model "Task"), option "perPage": 0 is not a whole number from 1 to 500',
      },
    ])
  })

  test('perPage of 501 fails, 500 and 1 pass', ({ assert }) => {
    class HugePageAdmin extends ModelAdmin<typeof Task> {
      perPage = 501
    }
    class LargestPageAdmin extends ModelAdmin<typeof Task> {
      perPage = 500
    }
    class SmallestPageAdmin extends ModelAdmin<typeof Project> {
      perPage = 1
    }
    const site = new AdminSite()
    site.register(Task, LargestPageAdmin)
    site.register(Project, SmallestPageAdmin)

    assert.deepEqual(problemsOf(Task, HugePageAdmin), [
      {
        code: 'admin.E106',
        message:
          'HugePageAdmin (model "Task"), option "perPage": 501 is not a whole number from 1 to 500',
      },
    ])
    assert.doesNotThrow(() => site.check())
  })

  test('a fractional perPage fails', ({ assert }) => {
    class FractionPageAdmin extends ModelAdmin<typeof Task> {
      perPage = 2.5
    }

    assert.deepEqual(problemsOf(Task, FractionPageAdmin), [
      {
        code: 'admin.E106',
        message:
          'FractionPageAdmin (model "Task"), option "perPage": 2.5 is not a whole number from 1 to 500',
      },
    ])
  })

  test('a titleField that is not a column fails', ({ assert }) => {
    class TitleTypoAdmin extends ModelAdmin<typeof Task> {
      titleField = 'titel'
    }

    assert.deepEqual(problemsOf(Task, TitleTypoAdmin), [
      {
        code: 'admin.E107',
        message: 'TitleTypoAdmin (model "Task"), option "titleField": "titel" is not a column',
      },
    ])
  })
})

test.group('Admin checks | form options', () => {
  test('readonlyFields with a missing field fails', ({ assert }) => {
    class ReadonlyTypoAdmin extends ModelAdmin<typeof Task> {
      readonlyFields = ['version', 'verison']
    }

    assert.deepEqual(problemsOf(Task, ReadonlyTypoAdmin), [
      {
        code: 'admin.E108',
        message:
          'ReadonlyTypoAdmin (model "Task"), option "readonlyFields": "verison" is not a field of Task',
      },
    ])
  })

  test('a fieldset naming a missing field fails', ({ assert }) => {
    class FieldsetTypoAdmin extends ModelAdmin<typeof Task> {
      fieldsets = [
        { title: null, fields: ['project', 'title'] },
        { title: 'Planning', fields: ['dueOn', 'asignee'] },
      ]
    }

    assert.deepEqual(problemsOf(Task, FieldsetTypoAdmin), [
      {
        code: 'admin.E109',
        message:
          'FieldsetTypoAdmin (model "Task"), option "fieldsets": "asignee" is not a field of Task',
      },
    ])
  })

  test('a fieldset naming a hasMany relation fails', ({ assert }) => {
    class FieldsetHasManyAdmin extends ModelAdmin<typeof Task> {
      fieldsets = [{ title: null, fields: ['title', 'comments'] }]
    }

    assert.deepEqual(problemsOf(Task, FieldsetHasManyAdmin), [
      {
        code: 'admin.E109',
        message:
          'FieldsetHasManyAdmin (model "Task"), option "fieldsets": "comments" is not a field of Task',
      },
    ])
  })

  test('a field in two fieldsets fails', ({ assert }) => {
    class DuplicateFieldAdmin extends ModelAdmin<typeof Task> {
      fieldsets = [
        { title: null, fields: ['project', 'title', 'status'] },
        { title: 'Again', fields: ['priority', 'title'] },
      ]
    }

    assert.deepEqual(problemsOf(Task, DuplicateFieldAdmin), [
      {
        code: 'admin.E110',
        message: 'DuplicateFieldAdmin (model "Task"), option "fieldsets": "title" appears twice',
      },
    ])
  })

  test('fieldOptions for a missing field fails', ({ assert }) => {
    class OptionsTypoAdmin extends ModelAdmin<typeof Task> {
      fieldOptions = { 'project.name': { label: 'Project' }, 'descripton': { help: 'Markdown' } }
    }

    assert.deepEqual(problemsOf(Task, OptionsTypoAdmin), [
      {
        code: 'admin.E111',
        message:
          'OptionsTypoAdmin (model "Task"), option "fieldOptions": "descripton" is not a field of Task',
      },
    ])
  })

  test('fieldRules naming what is not a column fails', ({ assert }) => {
    class RulesTypoAdmin extends ModelAdmin<typeof Task> {
      fieldRules = { ...taskFields, descripton: taskFields.description }
    }

    assert.deepEqual(problemsOf(Task, RulesTypoAdmin), [
      {
        code: 'admin.E112',
        message:
          'RulesTypoAdmin (model "Task"), option "fieldRules": "descripton" is not a column of Task',
      },
    ])
  })

  test('an inline on a belongsTo relation fails', ({ assert }) => {
    class BelongsToInlineAdmin extends ModelAdmin<typeof Task> {
      inlines = [{ relation: 'project', fields: ['name'] }]
    }

    assert.deepEqual(problemsOf(Task, BelongsToInlineAdmin), [
      {
        code: 'admin.E113',
        message:
          'BelongsToInlineAdmin (model "Task"), option "inlines": "project" is not a hasMany relation of Task',
      },
    ])
  })

  test('an inline on a manyToMany relation fails', ({ assert }) => {
    class ManyToManyInlineAdmin extends ModelAdmin<typeof Task> {
      inlines = [{ relation: 'labels', fields: ['name'] }]
    }

    assert.deepEqual(problemsOf(Task, ManyToManyInlineAdmin), [
      {
        code: 'admin.E113',
        message:
          'ManyToManyInlineAdmin (model "Task"), option "inlines": "labels" is not a hasMany relation of Task',
      },
    ])
  })

  test('an inline field missing on the child model fails naming the child', ({ assert }) => {
    class InlineFieldTypoAdmin extends ModelAdmin<typeof Task> {
      inlines = [{ relation: 'comments', fields: ['bodi'], readonlyFields: ['author'] }]
    }

    assert.deepEqual(problemsOf(Task, InlineFieldTypoAdmin), [
      {
        code: 'admin.E114',
        message:
          'InlineFieldTypoAdmin (model "Task"), option "inlines": "bodi" is not a column of Comment',
      },
    ])
  })

  test('an inline relation can only be read-only: editable inline fields are columns', ({
    assert,
  }) => {
    class InlineRelationAdmin extends ModelAdmin<typeof Task> {
      inlines = [{ relation: 'comments', fields: ['body', 'author'] }]
    }

    assert.deepEqual(problemsOf(Task, InlineRelationAdmin), [
      {
        code: 'admin.E114',
        message:
          'InlineRelationAdmin (model "Task"), option "inlines": "author" is not a column of Comment',
      },
    ])
  })

  test('an inline read-only field missing on the child model fails', ({ assert }) => {
    class InlineReadonlyTypoAdmin extends ModelAdmin<typeof Project> {
      inlines = [{ relation: 'labels', fields: ['name'], readonlyFields: ['colour'] }]
    }

    assert.deepEqual(problemsOf(Project, InlineReadonlyTypoAdmin), [
      {
        code: 'admin.E115',
        message:
          'InlineReadonlyTypoAdmin (model "Project"), option "inlines": "colour" is not a field of Label',
      },
    ])
  })
})

test.group('Admin checks | inline ordering', () => {
  test('an inline ordered by a missing child field fails, naming it with its dash', ({
    assert,
  }) => {
    class InlineOrderingTypoAdmin extends ModelAdmin<typeof Task> {
      inlines = [{ relation: 'comments', fields: ['body'], ordering: ['-createdAt', '-posted'] }]
    }

    assert.deepEqual(problemsOf(Task, InlineOrderingTypoAdmin), [
      {
        code: 'admin.E116',
        message:
          'InlineOrderingTypoAdmin (model "Task"), option "inlines": "-posted" is not a field of Comment',
      },
    ])
  })
})

test.group('Admin checks | actions', () => {
  test('two actions with one name fail', ({ assert }) => {
    class DuplicateActionAdmin extends ModelAdmin<typeof Task> {
      actions = [markTasks('done'), markTasks('todo'), markTasks('done')]
    }

    assert.deepEqual(problemsOf(Task, DuplicateActionAdmin), [
      {
        code: 'admin.E118',
        message:
          'DuplicateActionAdmin (model "Task"), option "actions": "mark_done" is declared twice',
      },
    ])
  })

  test('an action named delete_selected fails, naming it', ({ assert }) => {
    class BuiltInNameAdmin extends ModelAdmin<typeof Task> {
      actions = [action('archive'), action('delete_selected')]
    }

    assert.deepEqual(problemsOf(Task, BuiltInNameAdmin), [
      {
        code: 'admin.E117',
        message:
          'BuiltInNameAdmin (model "Task"), option "actions": "delete_selected" is the name of the built-in action',
      },
    ])
  })

  test('a single action named delete_selected is refused as the built-in name, not as declared twice', ({
    assert,
  }) => {
    class BuiltInNameOnceAdmin extends ModelAdmin<typeof Task> {
      actions = [action('delete_selected')]
    }

    assert.deepEqual(
      problemsOf(Task, BuiltInNameOnceAdmin).map((problem) => problem.code),
      ['admin.E117']
    )
  })
})

test.group('Admin checks | a correct configuration', () => {
  test('every option set correctly passes', ({ assert }) => {
    class CompleteTaskAdmin extends ModelAdmin<typeof Task> {
      titleField = 'title'
      listDisplay = ['title', 'project.name', 'assignee.email', 'status', 'commentCount']
      computed = {
        commentCount: { label: 'Comments', type: 'number' as const, value: () => 0 },
      }
      searchFields = ['title', 'description', 'project.name']
      listFilter = ['status', 'project', 'assignee', 'dueOn']
      ordering = ['-dueOn', 'title']
      sortableFields = ['title', 'project.name', 'dueOn']
      perPage = 25
      readonlyFields = ['version', 'createdAt']
      fieldsets = [
        { title: null, fields: ['project', 'title', 'description', 'status'] },
        { title: 'Planning', fields: ['assignee', 'dueOn', 'labels'] },
      ]
      fieldOptions = {
        'status': { choices: { todo: 'To do', in_progress: 'In progress', done: 'Done' } },
        'project.name': { label: 'Project' },
        'assignee': { help: 'A member of the project' },
      }
      inlines = [
        { relation: 'comments', fields: ['body'], readonlyFields: ['author'], ordering: ['-id'] },
      ]
      actions = [markTasks('done'), markTasks('in_progress')]
    }
    const site = new AdminSite()
    site.register(Task, CompleteTaskAdmin)

    assert.doesNotThrow(() => site.check())
  })
})

/** One registration that makes exactly one mistake, for each code of the table. */
const ONE_MISTAKE_EACH: Record<AdminCheckCode, ModelAdminClass<typeof Task>> = {
  'admin.E101': class extends ModelAdmin<typeof Task> {
    listDisplay = ['titel']
  },
  'admin.E102': class extends ModelAdmin<typeof Task> {
    searchFields = ['titel']
  },
  'admin.E103': class extends ModelAdmin<typeof Task> {
    listFilter = ['comments']
  },
  'admin.E104': class extends ModelAdmin<typeof Task> {
    ordering = ['-titel']
  },
  'admin.E105': class extends ModelAdmin<typeof Task> {
    sortableFields = ['titel']
  },
  'admin.E106': class extends ModelAdmin<typeof Task> {
    perPage = -1
  },
  'admin.E107': class extends ModelAdmin<typeof Task> {
    titleField = 'titel'
  },
  'admin.E108': class extends ModelAdmin<typeof Task> {
    readonlyFields = ['titel']
  },
  'admin.E109': class extends ModelAdmin<typeof Task> {
    fieldsets = [{ title: null, fields: ['titel'] }]
  },
  'admin.E110': class extends ModelAdmin<typeof Task> {
    fieldsets = [{ title: null, fields: ['title', 'title'] }]
  },
  'admin.E111': class extends ModelAdmin<typeof Task> {
    fieldOptions = { titel: { label: 'Title' } }
  },
  'admin.E112': class extends ModelAdmin<typeof Task> {
    fieldRules = { titel: taskFields.title }
  },
  'admin.E113': class extends ModelAdmin<typeof Task> {
    inlines = [{ relation: 'project', fields: ['name'] }]
  },
  'admin.E114': class extends ModelAdmin<typeof Task> {
    inlines = [{ relation: 'comments', fields: ['bodi'] }]
  },
  'admin.E115': class extends ModelAdmin<typeof Task> {
    inlines = [{ relation: 'comments', fields: ['body'], readonlyFields: ['writer'] }]
  },
  'admin.E116': class extends ModelAdmin<typeof Task> {
    inlines = [{ relation: 'comments', fields: ['body'], ordering: ['posted'] }]
  },
  'admin.E117': class extends ModelAdmin<typeof Task> {
    actions = [action('delete_selected')]
  },
  'admin.E118': class extends ModelAdmin<typeof Task> {
    actions = [action('archive'), action('archive')]
  },
}

test.group('Admin checks | codes', () => {
  test('each code of the table is reported for its mistake, with its option and hint', ({
    assert,
  }) => {
    for (const [code, AdminClass] of Object.entries(ONE_MISTAKE_EACH)) {
      const site = new AdminSite()
      site.register(Task, AdminClass)

      const problems = checkError(site).problems

      assert.deepEqual(
        problems.map((problem) => [problem.code, problem.option, problem.hint]),
        [
          [
            code,
            ADMIN_CHECKS[code as AdminCheckCode].option,
            ADMIN_CHECKS[code as AdminCheckCode].hint,
          ],
        ],
        `${code} is reported alone`
      )
    }
  })

  test('the codes are numbered admin.E101 on without a gap, and README lists each one', async ({
    assert,
  }) => {
    const codes = Object.keys(ADMIN_CHECKS)
    const readme = await readFile(app.makePath('README.md'), 'utf8')

    assert.deepEqual(
      codes,
      codes.map((_, index) => `admin.E${101 + index}`)
    )
    for (const [code, { option }] of Object.entries(ADMIN_CHECKS)) {
      assert.match(readme, new RegExp(`\\| \`${code}\` +\\| \`${option}\` +\\|`), code)
    }
  })
})

test.group('Admin checks | all at once', () => {
  test('a registration with mistakes in several options reports every one in one error', ({
    assert,
  }) => {
    class CarelessTaskAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['title', 'titel']
      listFilter = ['stauts']
      perPage = 0
      fieldsets = [{ title: null, fields: ['title', 'title'] }]
      inlines = [{ relation: 'comments', fields: ['bodi'] }]
      actions = [action('archive'), action('archive')]
    }
    const site = new AdminSite()
    site.register(Task, CarelessTaskAdmin)

    const error = checkError(site)

    assert.equal(error.code, 'E_ADMIN_CHECKS')
    assert.deepEqual(
      error.problems.map(({ code, option, value }) => [code, option, value]),
      [
        ['admin.E101', 'listDisplay', 'titel'],
        ['admin.E103', 'listFilter', 'stauts'],
        ['admin.E106', 'perPage', '0'],
        ['admin.E110', 'fieldsets', 'title'],
        ['admin.E114', 'inlines', 'bodi'],
        ['admin.E118', 'actions', 'archive'],
      ]
    )
    assert.equal(
      error.message,
      [
        'The admin registrations have 6 problems:',
        '- admin.E101 CarelessTaskAdmin (model "Task"), option "listDisplay": "titel" is not a field of Task',
        `  Hint: ${ADMIN_CHECKS['admin.E101'].hint}.`,
        '- admin.E103 CarelessTaskAdmin (model "Task"), option "listFilter": "stauts" is not a column or a belongsTo relation of Task',
        `  Hint: ${ADMIN_CHECKS['admin.E103'].hint}.`,
        '- admin.E106 CarelessTaskAdmin (model "Task"), option "perPage": 0 is not a whole number from 1 to 500',
        `  Hint: ${ADMIN_CHECKS['admin.E106'].hint}.`,
        '- admin.E110 CarelessTaskAdmin (model "Task"), option "fieldsets": "title" appears twice',
        `  Hint: ${ADMIN_CHECKS['admin.E110'].hint}.`,
        '- admin.E114 CarelessTaskAdmin (model "Task"), option "inlines": "bodi" is not a column of Comment',
        `  Hint: ${ADMIN_CHECKS['admin.E114'].hint}.`,
        '- admin.E118 CarelessTaskAdmin (model "Task"), option "actions": "archive" is declared twice',
        `  Hint: ${ADMIN_CHECKS['admin.E118'].hint}.`,
      ].join('\n')
    )
  })

  test('mistakes of several registrations are reported together, in registration order', ({
    assert,
  }) => {
    class TypoTaskAdmin extends ModelAdmin<typeof Task> {
      searchFields = ['titel']
    }
    class TypoLabelAdmin extends ModelAdmin<typeof Label> {
      listDisplay = ['nmae']
    }
    const site = new AdminSite()
    site.register(Task, TypoTaskAdmin)
    site.register(Label, TypoLabelAdmin)

    assert.deepEqual(
      checkError(site).problems.map(({ code, admin, model }) => [code, admin, model]),
      [
        ['admin.E102', 'TypoTaskAdmin', 'Task'],
        ['admin.E101', 'TypoLabelAdmin', 'Label'],
      ]
    )
  })

  test('the registrations of start/admin.ts have no problem', ({ assert }) => {
    assert.isNotEmpty(appAdminSite.all())
    assert.deepEqual(
      appAdminSite.all().flatMap((admin) => problemsOfAdmin(admin)),
      []
    )
  })
})
