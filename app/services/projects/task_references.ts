import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** The records of its project a task points at: its assignee and its labels. */
export type TaskReferences = { assigneeId?: unknown; labelIds?: unknown }

/** What a task of a project may point at: the ids of its members and of its own labels. */
export type TaskChoices = { memberIds: number[]; labelIds: number[] }

/** The references of a task that break the rule, each with the message people read. */
export type ReferenceProblems = Partial<Record<keyof TaskReferences, string>>

/** What people read when a reference leaves the task's project. */
const MESSAGES: Required<ReferenceProblems> = {
  assigneeId: 'The assignee must be a member of the project',
  labelIds: 'Choose labels of the task’s project',
}

/** Whether a reference holds something to check (an id, a non-empty list). */
function given(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0
  return value !== undefined && value !== null && value !== ''
}

/**
 * The rule of a task's references: the assignee is a member of the task's project and the labels
 * are the project's own, so a task never points into a project it is not part of. Every way of
 * writing a task (its pages through the validators, the admin) applies it. Checks the references
 * given against `choices` (an absent or empty one is fine); returns the ones that break the rule.
 */
export function taskReferenceProblems(
  { assigneeId, labelIds }: TaskReferences,
  choices: TaskChoices
): ReferenceProblems {
  const problems: ReferenceProblems = {}
  if (given(assigneeId) && !choices.memberIds.includes(assigneeId as number)) {
    problems.assigneeId = MESSAGES.assigneeId
  }
  const labels = Array.isArray(labelIds) ? labelIds : []
  if (labels.some((id) => !choices.labelIds.includes(id))) problems.labelIds = MESSAGES.labelIds
  return problems
}

/**
 * What a task of `projectId` may point at, for {@link taskReferenceProblems}: each list is read
 * only when `references` hold a value it checks (an assignee, labels).
 */
export async function loadTaskChoices(
  projectId: number,
  references: TaskReferences,
  client: QueryClientContract = db.connection()
): Promise<TaskChoices> {
  const [memberRows, labelRows] = await Promise.all([
    given(references.assigneeId)
      ? client.from('project_members').where('project_id', projectId).select('user_id')
      : [],
    given(references.labelIds)
      ? client.from('labels').where('project_id', projectId).select('id')
      : [],
  ])
  return {
    memberIds: memberRows.map((row) => Number(row.user_id)),
    labelIds: labelRows.map((row) => Number(row.id)),
  }
}

/** The rule of {@link taskReferenceProblems} for a task of `projectId`, reading its choices. */
export async function checkTaskReferences(
  projectId: number,
  references: TaskReferences,
  client?: QueryClientContract
): Promise<ReferenceProblems> {
  return taskReferenceProblems(references, await loadTaskChoices(projectId, references, client))
}
