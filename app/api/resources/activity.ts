import { Type } from 'typebox'
import { describeOperations } from '#api/operations'
import { type OutputOf, outputSchema } from '#api/schema'
import { momentOfColumn } from '#services/projects/task_dates'
import { filterApiActivityValidator } from '#validators/activity'

/** One entry of a project's activity as the API answers it: who changed which record, how. */
export const activityOutput = outputSchema(
  Type.Object(
    {
      id: Type.Integer(),
      action: Type.Enum(['created', 'updated', 'deleted']),
      subjectType: Type.String(),
      subjectId: Type.String(),
      actor: Type.Union([
        Type.Object({ id: Type.Integer(), fullName: Type.String() }),
        Type.Null(),
      ]),
      changes: Type.Record(Type.String(), Type.Tuple([Type.Unknown(), Type.Unknown()])),
      at: Type.String({ format: 'date-time' }),
    },
    { additionalProperties: false }
  )
)

/** An activity entry of the API. */
export type ApiActivity = OutputOf<typeof activityOutput>

/** Rows of `projectActivityQuery` as the API answers them. */
export function toApiActivity(rows: Record<string, any>[]): ApiActivity[] {
  return rows.map((row) => ({
    id: Number(row.id),
    action: row.action,
    subjectType: row.subject_type,
    subjectId: String(row.subject_id),
    actor:
      row.actor_id === null || row.actor_name === null
        ? null
        : { id: Number(row.actor_id), fullName: row.actor_name },
    changes: JSON.parse(row.changes),
    at: momentOfColumn(row.created_at),
  }))
}

describeOperations({
  route: 'api.activity.index',
  summary: "A project's activity, newest first (deletions included, for syncing)",
  tag: 'Activity',
  ability: 'activity.view',
  query: filterApiActivityValidator,
  success: { status: 200, data: activityOutput, list: 'page_and_cursor' },
  problems: [404],
})
