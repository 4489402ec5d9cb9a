import { Type } from 'typebox'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { describeOperations } from '#api/operations'
import { type OutputOf, outputSchema } from '#api/schema'
import { momentOfColumn } from '#services/projects/task_dates'
import { filterApiListValidator } from '#validators/api_list'
import { saveCommentValidator } from '#validators/task'

/** A comment on a task as the API answers it, with its author's name. */
export const commentOutput = outputSchema(
  Type.Object(
    {
      id: Type.Integer(),
      taskId: Type.Integer(),
      authorId: Type.Integer(),
      author: Type.Object({ id: Type.Integer(), fullName: Type.String() }),
      body: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      updatedAt: Type.String({ format: 'date-time' }),
    },
    { additionalProperties: false }
  )
)

/** A comment of the API. */
export type ApiComment = OutputOf<typeof commentOutput>

/** The comments of a task with their authors' names, as one query. */
export function commentsQuery(taskId: number, client: QueryClientContract = db.connection()) {
  return client
    .from('comments')
    .join('users', 'users.id', 'comments.author_id')
    .where('comments.task_id', taskId)
    .select('comments.*', 'users.full_name as author_name')
}

/** Rows of {@link commentsQuery} as the API answers them. */
export function toApiComments(rows: Record<string, any>[]): ApiComment[] {
  return rows.map((row) => ({
    id: Number(row.id),
    taskId: Number(row.task_id),
    authorId: Number(row.author_id),
    author: { id: Number(row.author_id), fullName: row.author_name },
    body: row.body,
    createdAt: momentOfColumn(row.created_at),
    updatedAt: momentOfColumn(row.updated_at),
  }))
}

/** One comment of the API, or null; read through `client`. */
export async function findApiComment(
  taskId: number,
  commentId: number,
  client?: QueryClientContract
): Promise<ApiComment | null> {
  const rows = await commentsQuery(taskId, client).where('comments.id', commentId)
  return toApiComments(rows)[0] ?? null
}

describeOperations(
  {
    route: 'api.comments.index',
    summary: "List a task's comments, oldest first",
    tag: 'Comments',
    ability: 'comment.view',
    query: filterApiListValidator,
    success: { status: 200, data: commentOutput, list: 'page_and_cursor' },
    problems: [404],
  },
  {
    route: 'api.comments.store',
    summary: 'Comment on a task (editors and owners)',
    tag: 'Comments',
    ability: 'comment.add',
    body: saveCommentValidator,
    success: { status: 201, data: commentOutput },
    problems: [404, 409, 413, 415, 422],
    idempotent: true,
  },
  {
    route: 'api.comments.show',
    summary: 'Read a comment',
    tag: 'Comments',
    ability: 'comment.view',
    success: { status: 200, data: commentOutput },
    problems: [404],
    conditional: 'etag',
  },
  {
    route: 'api.comments.update',
    summary: 'Edit a comment (its author)',
    tag: 'Comments',
    ability: 'comment.change',
    body: saveCommentValidator,
    success: { status: 200, data: commentOutput },
    problems: [404, 412, 413, 415, 422, 428],
    conditional: 'if-match',
  },
  {
    route: 'api.comments.destroy',
    summary: 'Delete a comment (its author, or an owner)',
    tag: 'Comments',
    ability: 'comment.delete',
    success: { status: 204, data: null },
    problems: [404, 412],
  }
)
