import { test } from '@japa/runner'
import type { Exception } from '@adonisjs/core/exceptions'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import Task from '#models/task'
import Project from '#models/project'
import { AdminSite, type ModelAdminClass } from '#admin/admin_site'
import { ModelAdmin } from '#admin/model_admin'
import { isFieldPath } from '#admin/checks'
import type { BulkAction } from '#admin/bulk_actions'
import { markTasks } from '#admin/models/task_actions'
import { taskFields } from '#validators/task'

/** What `check()` of a fresh site holding only this registration throws; fails when it passes. */
function checkError<Model extends LucidModel>(
  model: Model,
  AdminClass: ModelAdminClass<Model>
): Exception {
  const site = new AdminSite()
  site.register(model, AdminClass)
  try {
    site.check()
  } catch (error) {
    return error as Exception
  }
  throw new Error(`Expected ${AdminClass.name} to fail its checks, it passed`)
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

    const error = checkError(Task, TypoListAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'TypoListAdmin (model "Task"), option "listDisplay": "titel" is not a field of Task'
    )
  })

  test('listDisplay naming a missing column of a relation fails', ({ assert }) => {
    class RelationTypoAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['title', 'project.nam']
    }

    const error = checkError(Task, RelationTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'RelationTypoAdmin (model "Task"), option "listDisplay": "project.nam" is not a field of Task'
    )
  })

  test('listDisplay through a hasMany relation fails', ({ assert }) => {
    class HasManyPathAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['comments.body']
    }

    const error = checkError(Task, HasManyPathAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'HasManyPathAdmin (model "Task"), option "listDisplay": "comments.body" is not a field of Task'
    )
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
    assert.equal(
      checkError(Task, UndeclaredComputedAdmin).message,
      'UndeclaredComputedAdmin (model "Task"), option "listDisplay": "shout" is not a field of Task'
    )
  })

  test('listDisplay naming an Object.prototype member fails like any unknown field', ({
    assert,
  }) => {
    class PrototypeNameAdmin extends ModelAdmin<typeof Task> {
      listDisplay = ['title', 'constructor']
    }

    const error = checkError(Task, PrototypeNameAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'PrototypeNameAdmin (model "Task"), option "listDisplay": "constructor" is not a field of Task'
    )
  })

  test('searchFields with a typo fails', ({ assert }) => {
    class SearchTypoAdmin extends ModelAdmin<typeof Project> {
      searchFields = ['name', 'owner.emial']
    }

    const error = checkError(Project, SearchTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'SearchTypoAdmin (model "Project"), option "searchFields": "owner.emial" is not a field of Project'
    )
  })

  test('listFilter on a missing column fails', ({ assert }) => {
    class FilterTypoAdmin extends ModelAdmin<typeof Task> {
      listFilter = ['status', 'stauts']
    }

    const error = checkError(Task, FilterTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_INVALID_FILTER')
    assert.equal(
      error.message,
      'FilterTypoAdmin (model "Task"), option "listFilter": "stauts" is not a column or a belongsTo relation of Task'
    )
  })

  test('listFilter on a hasMany relation fails', ({ assert }) => {
    class HasManyFilterAdmin extends ModelAdmin<typeof Project> {
      listFilter = ['owner', 'tasks']
    }

    const error = checkError(Project, HasManyFilterAdmin)

    assert.equal(error.code, 'E_ADMIN_INVALID_FILTER')
    assert.equal(
      error.message,
      'HasManyFilterAdmin (model "Project"), option "listFilter": "tasks" is not a column or a belongsTo relation of Project'
    )
  })

  test('listFilter on a relation field path fails', ({ assert }) => {
    class PathFilterAdmin extends ModelAdmin<typeof Task> {
      listFilter = ['project.name']
    }

    const error = checkError(Task, PathFilterAdmin)

    assert.equal(error.code, 'E_ADMIN_INVALID_FILTER')
    assert.equal(
      error.message,
      'PathFilterAdmin (model "Task"), option "listFilter": "project.name" is not a column or a belongsTo relation of Task'
    )
  })

  test('ordering on a missing field fails naming it without its dash', ({ assert }) => {
    class OrderingTypoAdmin extends ModelAdmin<typeof Task> {
      ordering = ['title', '-nope']
    }

    const error = checkError(Task, OrderingTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'OrderingTypoAdmin (model "Task"), option "ordering": "nope" is not a field of Task'
    )
  })

  test('ordering through a relation to a missing column fails', ({ assert }) => {
    class KeylessOrderingAdmin extends ModelAdmin<typeof Task> {
      ordering = ['-id', 'project.nope']
    }

    const error = checkError(Task, KeylessOrderingAdmin)

    assert.equal(
      error.message,
      'KeylessOrderingAdmin (model "Task"), option "ordering": "project.nope" is not a field of Task'
    )
  })

  test('sortableFields with a missing field fails', ({ assert }) => {
    class SortableTypoAdmin extends ModelAdmin<typeof Task> {
      sortableFields = ['title', 'priorty']
    }

    const error = checkError(Task, SortableTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'SortableTypoAdmin (model "Task"), option "sortableFields": "priorty" is not a field of Task'
    )
  })

  test('perPage of 0 fails', ({ assert }) => {
    class ZeroPageAdmin extends ModelAdmin<typeof Task> {
      perPage = 0
    }

    const error = checkError(Task, ZeroPageAdmin)

    assert.equal(error.code, 'E_ADMIN_INVALID_OPTION')
    assert.equal(
      error.message,
      'ZeroPageAdmin (model "Task"), option "perPage": 0 is not a whole number from 1 to 500'
    )
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

    const error = checkError(Task, HugePageAdmin)

    assert.equal(error.code, 'E_ADMIN_INVALID_OPTION')
    assert.equal(
      error.message,
      'HugePageAdmin (model "Task"), option "perPage": 501 is not a whole number from 1 to 500'
    )
    assert.doesNotThrow(() => site.check())
  })

  test('a fractional perPage fails', ({ assert }) => {
    class FractionPageAdmin extends ModelAdmin<typeof Task> {
      perPage = 2.5
    }

    const error = checkError(Task, FractionPageAdmin)

    assert.equal(
      error.message,
      'FractionPageAdmin (model "Task"), option "perPage": 2.5 is not a whole number from 1 to 500'
    )
  })

  test('a titleField that is not a column fails', ({ assert }) => {
    class TitleTypoAdmin extends ModelAdmin<typeof Task> {
      titleField = 'titel'
    }

    const error = checkError(Task, TitleTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'TitleTypoAdmin (model "Task"), option "titleField": "titel" is not a column'
    )
  })
})

test.group('Admin checks | form options', () => {
  test('readonlyFields with a missing field fails', ({ assert }) => {
    class ReadonlyTypoAdmin extends ModelAdmin<typeof Task> {
      readonlyFields = ['version', 'verison']
    }

    const error = checkError(Task, ReadonlyTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'ReadonlyTypoAdmin (model "Task"), option "readonlyFields": "verison" is not a field of Task'
    )
  })

  test('a fieldset naming a missing field fails', ({ assert }) => {
    class FieldsetTypoAdmin extends ModelAdmin<typeof Task> {
      fieldsets = [
        { title: null, fields: ['project', 'title'] },
        { title: 'Planning', fields: ['dueOn', 'asignee'] },
      ]
    }

    const error = checkError(Task, FieldsetTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'FieldsetTypoAdmin (model "Task"), option "fieldsets": "asignee" is not a field of Task'
    )
  })

  test('a fieldset naming a hasMany relation fails', ({ assert }) => {
    class FieldsetHasManyAdmin extends ModelAdmin<typeof Task> {
      fieldsets = [{ title: null, fields: ['title', 'comments'] }]
    }

    const error = checkError(Task, FieldsetHasManyAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'FieldsetHasManyAdmin (model "Task"), option "fieldsets": "comments" is not a field of Task'
    )
  })

  test('a field in two fieldsets fails', ({ assert }) => {
    class DuplicateFieldAdmin extends ModelAdmin<typeof Task> {
      fieldsets = [
        { title: null, fields: ['project', 'title', 'status'] },
        { title: 'Again', fields: ['priority', 'title'] },
      ]
    }

    const error = checkError(Task, DuplicateFieldAdmin)

    assert.equal(error.code, 'E_ADMIN_DUPLICATE_FIELD')
    assert.equal(
      error.message,
      'DuplicateFieldAdmin (model "Task"), option "fieldsets": "title" appears twice'
    )
  })

  test('fieldOptions for a missing field fails', ({ assert }) => {
    class OptionsTypoAdmin extends ModelAdmin<typeof Task> {
      fieldOptions = { 'project.name': { label: 'Project' }, 'descripton': { help: 'Markdown' } }
    }

    const error = checkError(Task, OptionsTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'OptionsTypoAdmin (model "Task"), option "fieldOptions": "descripton" is not a field of Task'
    )
  })

  test('fieldRules naming what is not a column fails', ({ assert }) => {
    class RulesTypoAdmin extends ModelAdmin<typeof Task> {
      fieldRules = { ...taskFields, descripton: taskFields.description }
    }

    const error = checkError(Task, RulesTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'RulesTypoAdmin (model "Task"), option "fieldRules": "descripton" is not a column of Task'
    )
  })

  test('an inline on a belongsTo relation fails', ({ assert }) => {
    class BelongsToInlineAdmin extends ModelAdmin<typeof Task> {
      inlines = [{ relation: 'project', fields: ['name'] }]
    }

    const error = checkError(Task, BelongsToInlineAdmin)

    assert.equal(error.code, 'E_ADMIN_INVALID_INLINE')
    assert.equal(
      error.message,
      'BelongsToInlineAdmin (model "Task"), option "inlines": "project" is not a hasMany relation of Task'
    )
  })

  test('an inline on a manyToMany relation fails', ({ assert }) => {
    class ManyToManyInlineAdmin extends ModelAdmin<typeof Task> {
      inlines = [{ relation: 'labels', fields: ['name'] }]
    }

    const error = checkError(Task, ManyToManyInlineAdmin)

    assert.equal(error.code, 'E_ADMIN_INVALID_INLINE')
    assert.equal(
      error.message,
      'ManyToManyInlineAdmin (model "Task"), option "inlines": "labels" is not a hasMany relation of Task'
    )
  })

  test('an inline field missing on the child model fails naming the child', ({ assert }) => {
    class InlineFieldTypoAdmin extends ModelAdmin<typeof Task> {
      inlines = [{ relation: 'comments', fields: ['bodi'], readonlyFields: ['author'] }]
    }

    const error = checkError(Task, InlineFieldTypoAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'InlineFieldTypoAdmin (model "Task"), option "inlines": "bodi" is not a column of Comment'
    )
  })

  test('an inline relation can only be read-only: editable inline fields are columns', ({
    assert,
  }) => {
    class InlineRelationAdmin extends ModelAdmin<typeof Task> {
      inlines = [{ relation: 'comments', fields: ['body', 'author'] }]
    }

    const error = checkError(Task, InlineRelationAdmin)

    assert.equal(error.code, 'E_ADMIN_UNKNOWN_FIELD')
    assert.equal(
      error.message,
      'InlineRelationAdmin (model "Task"), option "inlines": "author" is not a column of Comment'
    )
  })

  test('an inline read-only field missing on the child model fails', ({ assert }) => {
    class InlineReadonlyTypoAdmin extends ModelAdmin<typeof Project> {
      inlines = [{ relation: 'labels', fields: ['name'], readonlyFields: ['colour'] }]
    }

    const error = checkError(Project, InlineReadonlyTypoAdmin)

    assert.equal(
      error.message,
      'InlineReadonlyTypoAdmin (model "Project"), option "inlines": "colour" is not a field of Label'
    )
  })
})

test.group('Admin checks | actions', () => {
  test('two actions with one name fail', ({ assert }) => {
    class DuplicateActionAdmin extends ModelAdmin<typeof Task> {
      actions = [markTasks('done'), markTasks('todo'), markTasks('done')]
    }

    const error = checkError(Task, DuplicateActionAdmin)

    assert.equal(error.code, 'E_ADMIN_DUPLICATE_ACTION')
    assert.equal(
      error.message,
      'DuplicateActionAdmin (model "Task"), option "actions": "mark_done" is declared twice'
    )
  })

  test('an action named delete_selected fails, naming it', ({ assert }) => {
    class BuiltInNameAdmin extends ModelAdmin<typeof Task> {
      actions = [action('archive'), action('delete_selected')]
    }

    const error = checkError(Task, BuiltInNameAdmin)

    assert.equal(error.code, 'E_ADMIN_DUPLICATE_ACTION')
    assert.match(
      error.message,
      /^BuiltInNameAdmin \(model "Task"\), option "actions": "delete_selected" /
    )
  })

  test('a single action named delete_selected is refused as the built-in name, not as declared twice', ({
    assert,
  }) => {
    class BuiltInNameOnceAdmin extends ModelAdmin<typeof Task> {
      actions = [action('delete_selected')]
    }

    const error = checkError(Task, BuiltInNameOnceAdmin)

    assert.notInclude(error.message, 'declared twice')
    assert.include(error.message, 'built-in')
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
