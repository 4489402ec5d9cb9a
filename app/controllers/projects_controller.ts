import Project from '#models/project'
import { applyOrder } from '#api/pagination'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import ProjectTransformer, { withViewerData } from '#transformers/project_transformer'
import {
  changeProject,
  createProject,
  memberProjects,
  PROJECT_ORDER_KEYS,
  taskCountsByProject,
} from '#services/projects/projects'
import { deleteProjectValidator, saveProjectValidator } from '#validators/project'

/** Projects: the list of mine, creating one, and its settings (owners only). */
export default class ProjectsController {
  /** The projects the user is a member of, newest first, with task counts per status. */
  async index({ auth, inertia }: HttpContext) {
    const user = auth.getUserOrFail()
    const projects = await applyOrder(memberProjects(Project.query(), user.id), PROJECT_ORDER_KEYS)
    const counts = await taskCountsByProject(projects.map((project) => project.id))

    for (const project of projects) project.$extras.task_counts = counts.get(project.id)

    return inertia.render('projects/index', { projects: ProjectTransformer.transform(projects) })
  }

  async create({ inertia }: HttpContext) {
    return inertia.render('projects/create', {})
  }

  /** Creates a project; its creator is its owner. */
  async store({ auth, request, response, session }: HttpContext) {
    const values = await request.validateUsing(saveProjectValidator)
    const project = await createProject(auth.getUserOrFail(), values)
    session.flash('success', `Project "${project.name}" created.`)
    return response.redirect().toRoute('projects.show', { projectId: project.id })
  }

  /** A project's home: what it is and where to go next. */
  async show({ bouncer, inertia, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const counts = await taskCountsByProject([access.project.id])

    return inertia.render('projects/show', {
      project: ProjectTransformer.transform(
        withViewerData(access.project, access.role, counts.get(access.project.id))
      ),
      can: {
        manage: await bouncer.with(ProjectPolicy).allows('manage', access),
        manageMembers: await bouncer.with(ProjectPolicy).allows('manageMembers', access),
      },
    })
  }

  /** The settings page: rename, describe, archive, delete. Owners only. */
  async edit({ bouncer, inertia, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('manage', access)
    return inertia.render('projects/settings', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
    })
  }

  async update({ bouncer, request, response, session, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('manage', access)
    const { name, description } = await request.validateUsing(saveProjectValidator)

    await changeProject(access.project, { name, description: description ?? '' })
    session.flash('success', 'Project saved.')
    return response.redirect().toRoute('projects.edit', { projectId: access.project.id })
  }

  /** Archives the project (read-only) or brings it back. */
  async toggleArchive({ bouncer, response, session, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('manage', access)

    const archiving = access.project.archivedAt === null
    await changeProject(access.project, { archived: archiving })
    session.flash(
      'success',
      archiving ? 'Project archived: it is read-only now.' : 'Project restored.'
    )
    return response.redirect().toRoute('projects.edit', { projectId: access.project.id })
  }

  /** Deletes the project with its tasks, labels and comments, once its name is typed again. */
  async destroy({ bouncer, request, response, session, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('manage', access)
    const { confirmation } = await request.validateUsing(deleteProjectValidator)
    if (confirmation !== access.project.name) {
      session.flash('inputErrorsBag', {
        confirmation: ['Type the project name exactly to confirm'],
      })
      return response.redirect().back()
    }

    await access.project.delete()
    session.flash('success', `Project "${access.project.name}" deleted.`)
    return response.redirect().toRoute('projects.index')
  }
}
