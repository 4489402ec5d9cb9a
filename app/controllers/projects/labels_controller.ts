import Label from '#models/label'
import { applyOrder } from '#api/pagination'
import { LABEL_ORDER_KEYS } from '#services/projects/label_order'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import { saveLabelValidator } from '#validators/project'
import LabelTransformer from '#transformers/label_transformer'
import { findProjectLabel } from '#services/projects/project_access'
import ProjectTransformer, { withViewerData } from '#transformers/project_transformer'

/** Labels of a project: every member sees them; editors and owners change them. */
export default class LabelsController {
  async index({ bouncer, inertia, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('view', access)
    const labels = await applyOrder(
      Label.query().where('project_id', access.project.id),
      LABEL_ORDER_KEYS
    )

    return inertia.render('projects/labels', {
      project: ProjectTransformer.transform(withViewerData(access.project, access.role)),
      labels: LabelTransformer.transform(labels),
      canEdit: await bouncer.with(ProjectPolicy).allows('editContent', access),
    })
  }

  async store({ bouncer, request, response, session, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const values = await request.validateUsing(saveLabelValidator, {
      meta: { projectId: access.project.id },
    })

    await Label.create({ ...values, projectId: access.project.id })
    session.flash('success', `Label "${values.name}" created.`)
    return response.redirect().toRoute('projects.labels.index', { projectId: access.project.id })
  }

  /** Renames or recolours a label. */
  async update({
    bouncer,
    params,
    request,
    response,
    session,
    projectAccess: access,
  }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const label = await findProjectLabel(access, params.id)
    const values = await request.validateUsing(saveLabelValidator, {
      meta: { projectId: access.project.id, labelId: label.id },
    })

    await label.merge(values).save()
    session.flash('success', 'Label saved.')
    return response.redirect().toRoute('projects.labels.index', { projectId: access.project.id })
  }

  /** Deletes a label; tasks lose it. */
  async destroy({ bouncer, params, response, session, projectAccess: access }: HttpContext) {
    await bouncer.with(ProjectPolicy).authorize('editContent', access)
    const label = await findProjectLabel(access, params.id)

    await label.delete()
    session.flash('success', `Label "${label.name}" deleted.`)
    return response.redirect().toRoute('projects.labels.index', { projectId: access.project.id })
  }
}
