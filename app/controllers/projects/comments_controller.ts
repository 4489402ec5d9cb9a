import Comment from '#models/comment'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import { saveCommentValidator } from '#validators/task'
import {
  findProjectTask,
  type ProjectAccess,
  ProjectNotFoundException,
} from '#services/projects/project_access'

/** Comments on a task: editors and owners add them; authors edit theirs; owners delete any. */
export default class CommentsController {
  async store({
    auth,
    bouncer,
    params,
    request,
    response,
    session,
    projectAccess: access,
  }: HttpContext) {
    const user = auth.getUserOrFail()
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const task = await findProjectTask(access, params.taskId)
    const { body } = await request.validateUsing(saveCommentValidator)

    await Comment.create({ taskId: task.id, authorId: user.id, body })
    session.flash('success', 'Comment added.')
    return this.backToTask(response, access, task.id)
  }

  async update({
    bouncer,
    params,
    request,
    response,
    session,
    projectAccess: access,
  }: HttpContext) {
    const comment = await this.findComment(access, params.taskId, params.id)
    await bouncer.with(ProjectPolicy).authorize('editComment', access, comment)
    const { body } = await request.validateUsing(saveCommentValidator)

    await comment.merge({ body }).save()
    session.flash('success', 'Comment saved.')
    return this.backToTask(response, access, comment.taskId)
  }

  async destroy({ bouncer, params, response, session, projectAccess: access }: HttpContext) {
    const comment = await this.findComment(access, params.taskId, params.id)
    await bouncer.with(ProjectPolicy).authorize('deleteComment', access, comment)

    await comment.delete()
    session.flash('success', 'Comment deleted.')
    return this.backToTask(response, access, comment.taskId)
  }

  /** A comment on a task of this project; any other id is reported as missing. */
  private async findComment(access: ProjectAccess, taskId: unknown, commentId: unknown) {
    const task = await findProjectTask(access, taskId)
    const comment = await Comment.query()
      .where('task_id', task.id)
      .where('id', Number(commentId) || 0)
      .first()
    if (!comment) throw new ProjectNotFoundException('Comment not found')
    return comment
  }

  private backToTask(response: HttpContext['response'], access: ProjectAccess, taskId: number) {
    return response.redirect().toRoute('projects.tasks.show', {
      projectId: access.project.id,
      id: taskId,
    })
  }
}
