import { Type } from 'typebox'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { PROJECT_ROLES } from '#shared/projects'
import { noTaskCounts, TASK_STATUSES } from '#shared/tasks'
import { describeOperations } from '#api/operations'
import { type OutputOf, outputSchema } from '#api/schema'
import { taskCountsByProject } from '#services/projects/projects'
import { momentOfColumn } from '#services/projects/task_dates'
import { filterApiListValidator } from '#validators/api_list'
import { changeProjectValidator, saveProjectValidator } from '#validators/project'

/** A project as the API answers it: its fields, the caller's role and its tasks per status. */
export const projectOutput = outputSchema(
  Type.Object(
    {
      id: Type.Integer(),
      name: Type.String(),
      description: Type.String(),
      ownerId: Type.Integer(),
      archived: Type.Boolean(),
      archivedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      role: Type.Union([Type.Enum(PROJECT_ROLES), Type.Null()]),
      taskCounts: Type.Object(
        Object.fromEntries(TASK_STATUSES.map((status) => [status, Type.Integer()])),
        { additionalProperties: false }
      ),
      createdAt: Type.String({ format: 'date-time' }),
      updatedAt: Type.String({ format: 'date-time' }),
    },
    { additionalProperties: false }
  )
)

/** A project of the API. */
export type ApiProject = OutputOf<typeof projectOutput>

/**
 * Projects rows (`projects.*`, with the caller's role as `viewer_role`) as the API answers them,
 * in their order: one query for all their task counts, whatever the number of rows.
 */
export async function toApiProjects(
  rows: Record<string, any>[],
  client?: QueryClientContract
): Promise<ApiProject[]> {
  const counts = await taskCountsByProject(
    rows.map((row) => Number(row.id)),
    client
  )
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    description: row.description,
    ownerId: Number(row.owner_id),
    archived: row.archived_at !== null,
    archivedAt: row.archived_at === null ? null : momentOfColumn(row.archived_at),
    role: row.viewer_role ?? null,
    taskCounts: counts.get(Number(row.id)) ?? noTaskCounts(),
    createdAt: momentOfColumn(row.created_at),
    updatedAt: momentOfColumn(row.updated_at),
  }))
}

/** One project of the API as `userId` sees it (their role in it), or null; read through `client`. */
export async function findApiProject(
  projectId: number,
  userId: number,
  client: QueryClientContract = db.connection()
) {
  const rows = await client
    .from('projects')
    .where('projects.id', projectId)
    .select('projects.*')
    .select(
      db
        .from('project_members')
        .whereColumn('project_members.project_id', 'projects.id')
        .where('project_members.user_id', userId)
        .select('role')
        .as('viewer_role')
    )
  const [project] = await toApiProjects(rows, client)
  return project ?? null
}

describeOperations(
  {
    route: 'api.projects.index',
    summary: "List the caller's projects",
    tag: 'Projects',
    ability: 'project.view',
    query: filterApiListValidator,
    success: { status: 200, data: projectOutput, list: 'page_and_cursor' },
    problems: [],
  },
  {
    route: 'api.projects.store',
    summary: 'Create a project (the caller becomes its owner)',
    tag: 'Projects',
    ability: 'project.add',
    body: saveProjectValidator,
    success: { status: 201, data: projectOutput },
    problems: [409, 413, 415, 422],
    idempotent: true,
  },
  {
    route: 'api.projects.show',
    summary: 'Read a project',
    tag: 'Projects',
    ability: 'project.view',
    success: { status: 200, data: projectOutput },
    problems: [404],
    conditional: 'etag',
  },
  {
    route: 'api.projects.update',
    summary: 'Change, archive or restore a project (owners)',
    tag: 'Projects',
    ability: 'project.change',
    body: changeProjectValidator,
    success: { status: 200, data: projectOutput },
    problems: [404, 412, 413, 415, 422, 428],
    conditional: 'if-match',
  },
  {
    route: 'api.projects.destroy',
    summary: 'Delete a project with its tasks, labels and comments (owners)',
    tag: 'Projects',
    ability: 'project.delete',
    success: { status: 204, data: null },
    problems: [404, 412, 428],
    conditional: 'if-match',
  }
)
