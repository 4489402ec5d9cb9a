import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import {
  type TaskChoices,
  type TaskReferences,
  taskReferenceProblems,
} from '#services/projects/task_references'

/**
 * Refuses an assignee or labels from outside the task's project, by the one rule of task
 * references ({@link taskReferenceProblems}) and with its message. The validator's metadata
 * holds the project's choices (`loadTaskChoices`).
 */
export const taskReference = vine.createRule(
  (value: unknown, reference: keyof TaskReferences, field: FieldContext) => {
    const problems = taskReferenceProblems({ [reference]: value }, field.meta as TaskChoices)
    const message = problems[reference]
    if (message) field.report(message, 'taskReference', field)
  }
)
