import db from '@adonisjs/lucid/services/db'
import Comment from '#models/comment'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import { validateQuery } from '#api/query'
import { type OrderKey, paginate } from '#api/pagination'
import { commentsQuery, findApiComment, toApiComments } from '#api/resources/comments'
import { assertCurrent, etagOf, ifMatchOf, notModified, requireIfMatch } from '#api/conditional'
import { findProjectTask, findTaskComment } from '#services/projects/project_access'
import { readApiRecordValidator, filterApiListValidator } from '#validators/api_list'
import { saveCommentValidator } from '#validators/task'

/** A task's comments in the order the task page shows them: oldest first. */
const COMMENT_ORDER_KEYS: OrderKey[] = [
  { sql: 'comments.created_at', direction: 'asc' },
  { sql: 'comments.id', direction: 'asc' },
]

/**
 * The comments on a task through the API: every member reads them; editors and owners add them;
 * authors edit theirs; authors and owners delete them (the pages' policy).
 */
export default class CommentsController {
  async index(ctx: HttpContext) {
    const { bouncer, params, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const task = await findProjectTask(access, params.taskId)
    const { page, perPage, cursor } = await validateQuery(ctx, filterApiListValidator)
    const query = commentsQuery(task.id)
    const list = await paginate(ctx, query, { page, perPage, cursor }, COMMENT_ORDER_KEYS)
    return { data: toApiComments(list.rows), meta: list.meta, links: list.links }
  }

  async store({ auth, bouncer, params, request, response, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const task = await findProjectTask(access, params.taskId)
    const { body } = await request.validateUsing(saveCommentValidator)

    const created = await Comment.create({
      taskId: task.id,
      authorId: auth.getUserOrFail().id,
      body,
    })
    const comment = (await findApiComment(task.id, created.id))!
    response.header(
      'Location',
      `/api/v1/projects/${access.project.id}/tasks/${task.id}/comments/${comment.id}`
    )
    response.header('ETag', etagOf(comment))
    return response.created({ data: comment })
  }

  async show(ctx: HttpContext) {
    const { bouncer, params, response, projectAccess: access } = ctx
    await bouncer.with(ProjectPolicy).authorize('view', access)
    await validateQuery(ctx, readApiRecordValidator)
    const exists = await findTaskComment(access, params.taskId, params.id)
    const comment = (await findApiComment(exists.taskId, exists.id))!
    if (notModified(ctx, etagOf(comment))) return
    return response.ok({ data: comment })
  }

  /** Edits a comment (its author), if If-Match names it as it is. */
  async update(ctx: HttpContext) {
    const { bouncer, params, request, response, projectAccess: access } = ctx
    const exists = await findTaskComment(access, params.taskId, params.id)
    await bouncer.with(ProjectPolicy).authorize('editComment', access, exists)
    const tags = requireIfMatch(ctx)
    const { body } = await request.validateUsing(saveCommentValidator)

    await db.transaction(async (trx) => {
      const locked = await Comment.query({ client: trx })
        .where('id', exists.id)
        .forUpdate()
        .firstOrFail()
      assertCurrent(tags, (await findApiComment(exists.taskId, exists.id, trx))!)
      await locked.merge({ body }).save()
    })
    const comment = (await findApiComment(exists.taskId, exists.id))!
    response.header('ETag', etagOf(comment))
    return response.ok({ data: comment })
  }

  /** Deletes a comment (its author, or an owner); when If-Match is sent, only as it names it. */
  async destroy(ctx: HttpContext) {
    const { bouncer, params, response, projectAccess: access } = ctx
    const exists = await findTaskComment(access, params.taskId, params.id)
    await bouncer.with(ProjectPolicy).authorize('deleteComment', access, exists)
    const tags = ifMatchOf(ctx)

    await db.transaction(async (trx) => {
      const locked = await Comment.query({ client: trx })
        .where('id', exists.id)
        .forUpdate()
        .firstOrFail()
      if (tags.length > 0)
        assertCurrent(tags, (await findApiComment(exists.taskId, exists.id, trx))!)
      await locked.delete()
    })
    return response.noContent()
  }
}
