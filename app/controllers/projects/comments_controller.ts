import Comment from '#models/comment'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import { saveCommentValidator } from '#validators/task'
import {
  findProjectTask,
  findTaskComment,
  type ProjectAccess,
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
    const comment = await findTaskComment(access, params.taskId, params.id)
    await bouncer.with(ProjectPolicy).authorize('editComment', access, comment)
    const { body } = await request.validateUsing(saveCommentValidator)

    await comment.merge({ body }).save()
    session.flash('success', 'Comment saved.')
    return this.backToTask(response, access, comment.taskId)
  }

  async destroy({ bouncer, params, response, session, projectAccess: access }: HttpContext) {
    const comment = await findTaskComment(access, params.taskId, params.id)
    await bouncer.with(ProjectPolicy).authorize('deleteComment', access, comment)

    await comment.delete()
    session.flash('success', 'Comment deleted.')
    return this.backToTask(response, access, comment.taskId)
  }

  private backToTask(response: HttpContext['response'], access: ProjectAccess, taskId: number) {
    return response.redirect().toRoute('projects.tasks.show', {
      projectId: access.project.id,
      id: taskId,
    })
  }
}
