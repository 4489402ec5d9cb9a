import vine from '@vinejs/vine'
import { taskReference } from '#validators/rules/task_reference'
import type { TaskChoices } from '#services/projects/task_references'
import { recordId, strictNumber } from '#validators/rules/numbers'
import { ROW_ID } from '#validators/rules/row_id'
import type { FieldRules } from '#validators/rules/field_rules'
import { pagingParams } from '#api/pagination'
import { expandParam } from '#validators/rules/expand'
import { MAX_TASK_PRIORITY, TASK_SORTS, TASK_STATUSES } from '#shared/tasks'

/**
 * The tasks list's query string. Only these filters and sorts exist; anything else is refused
 * with a message instead of reaching the query.
 */
export const filterTasksValidator = vine.create({
  ...taskFilterFields(),
  page: vine.number().withoutDecimals().range([1, 100_000]).optional(),
})

/** What a task can carry inline in the API (`expand=`). */
export const TASK_EXPANSIONS = ['assignee', 'labels'] as const

/**
 * The API's tasks list: the page's filters and sorts, paging by page or cursor, and the related
 * objects to inline (`expand=assignee,labels`).
 */
export const filterApiTasksValidator = vine.create({
  ...taskFilterFields(),
  ...pagingParams(),
  expand: expandParam(TASK_EXPANSIONS),
})

/** Reading one task through the API: the related objects to inline. */
export const readTaskValidator = vine.create({ expand: expandParam(TASK_EXPANSIONS) })

/** The filters and sorts of the tasks list. */
function taskFilterFields() {
  return {
    status: vine.enum(TASK_STATUSES).optional(),
    assignee: vine
      .string()
      .regex(new RegExp(`^none$|${ROW_ID.source}`))
      .optional(),
    label: recordId().optional(),
    dueBefore: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    dueAfter: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    q: vine.string().trim().maxLength(200).optional(),
    sort: vine.enum(TASK_SORTS).optional(),
  }
}

/** The rules of a task's own fields, for its pages and the admin. */
export const taskFields = {
  title: () => vine.string().trim().minLength(1).maxLength(200),
  description: () => vine.string().trim().maxLength(10_000),
  status: () => vine.enum(TASK_STATUSES),
  priority: () => strictNumber().withoutDecimals().range([0, MAX_TASK_PRIORITY]),
  dueOn: () => vine.date({ formats: ['YYYY-MM-DD'] }),
} satisfies FieldRules

/** The rules of a comment's fields. */
export const commentFields = {
  body: () => vine.string().trim().minLength(1).maxLength(5000),
} satisfies FieldRules

/** The fields of the task form, shared by creating and saving. */
function taskFieldRules() {
  return {
    title: taskFields.title(),
    description: taskFields.description().optional(),
    status: taskFields.status(),
    priority: taskFields.priority(),
    assigneeId: recordId().use(taskReference('assigneeId')).optional().nullable(),
    dueOn: taskFields.dueOn().optional().nullable(),
    labelIds: vine
      .array(recordId())
      .maxLength(20)
      .distinct()
      .use(taskReference('labelIds'))
      .optional(),
  }
}

/**
 * A new task. The assignee must be a member and the labels must belong to the project (its
 * choices are given as metadata): the rule of task references, as the admin applies it.
 */
export const createTaskValidator = vine
  .withMetaData<TaskChoices>()
  .compile(vine.object(taskFieldRules()))

/** Saving a task: its fields, and the version the form was loaded at (to catch lost updates). */
export const updateTaskValidator = vine.withMetaData<TaskChoices>().compile(
  vine.object({
    version: strictNumber().withoutDecimals().positive(),
    ...taskFieldRules(),
  })
)

/**
 * Changing some of a task's fields through the API (PATCH): each field is optional and follows
 * the form's rule; the version comes from If-Match instead of the body.
 */
export const changeTaskValidator = vine.withMetaData<TaskChoices>().compile(
  vine.object({
    title: taskFields.title().optional(),
    description: taskFields.description().optional(),
    status: taskFields.status().optional(),
    priority: taskFields.priority().optional(),
    assigneeId: recordId().use(taskReference('assigneeId')).optional().nullable(),
    dueOn: taskFields.dueOn().optional().nullable(),
    labelIds: vine
      .array(recordId())
      .maxLength(20)
      .distinct()
      .use(taskReference('labelIds'))
      .optional(),
  })
)

/** A comment's text. */
export const saveCommentValidator = vine.create({
  body: commentFields.body(),
})

/** Moving a task on the board: the status it goes to, and the one the board showed it in. */
export const moveTaskValidator = vine.create({
  status: vine.enum(TASK_STATUSES),
  from: vine.enum(TASK_STATUSES),
})
