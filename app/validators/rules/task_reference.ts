import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { type TaskReferences, checkTaskReferences } from '#services/projects/task_references'

/** What a task validator is told: the project whose task is being written. */
export type TaskReferenceMeta = { projectId: number }

/**
 * Refuses an assignee or labels from outside the project named by the validator's metadata, by
 * the one rule of task references ({@link checkTaskReferences}), with its message.
 */
export const taskReference = vine.createRule(
  async (value: unknown, reference: keyof TaskReferences, field: FieldContext) => {
    // An array's own rules run before its items are checked: ids that are not ids are the
    // items' errors to report.
    const ids = Array.isArray(value) ? value : [value]
    if (!field.isValid || !ids.every((id) => Number.isSafeInteger(id))) return
    const { projectId } = field.meta as TaskReferenceMeta
    const problems = await checkTaskReferences(projectId, { [reference]: value })
    const message = problems[reference]
    if (message) field.report(message, 'taskReference', field)
  },
  { isAsync: true }
)
