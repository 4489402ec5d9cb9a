import { Type } from 'typebox'
import type Label from '#models/label'
import { describeOperations } from '#api/operations'
import { type OutputOf, outputSchema } from '#api/schema'
import { filterApiListValidator } from '#validators/api_list'
import { changeLabelValidator, saveLabelValidator } from '#validators/project'

/** A label of a project as the API answers it. */
export const labelOutput = outputSchema(
  Type.Object(
    {
      id: Type.Integer(),
      projectId: Type.Integer(),
      name: Type.String(),
      color: Type.String({ pattern: '^#[0-9a-fA-F]{6}$' }),
    },
    { additionalProperties: false }
  )
)

/** A label of the API. */
export type ApiLabel = OutputOf<typeof labelOutput>

/** A `labels` row or a Label as the API answers it. */
export function toApiLabel(row: Record<string, any> | Label): ApiLabel {
  const value = row as Record<string, any>
  return {
    id: Number(value.id),
    projectId: Number(value.projectId ?? value.project_id),
    name: value.name,
    color: value.color,
  }
}

describeOperations(
  {
    route: 'api.labels.index',
    summary: "List a project's labels, by name",
    tag: 'Labels',
    ability: 'label.view',
    query: filterApiListValidator,
    success: { status: 200, data: labelOutput, list: 'page_and_cursor' },
    problems: [404],
  },
  {
    route: 'api.labels.store',
    summary: 'Create a label (editors and owners)',
    tag: 'Labels',
    ability: 'label.add',
    body: saveLabelValidator,
    success: { status: 201, data: labelOutput },
    problems: [404, 409, 413, 415, 422],
    idempotent: true,
  },
  {
    route: 'api.labels.show',
    summary: 'Read a label',
    tag: 'Labels',
    ability: 'label.view',
    success: { status: 200, data: labelOutput },
    problems: [404],
    conditional: 'etag',
  },
  {
    route: 'api.labels.update',
    summary: 'Rename or recolour a label (editors and owners)',
    tag: 'Labels',
    ability: 'label.change',
    body: changeLabelValidator,
    success: { status: 200, data: labelOutput },
    problems: [404, 412, 413, 415, 422, 428],
    conditional: 'if-match',
  },
  {
    route: 'api.labels.destroy',
    summary: 'Delete a label; tasks lose it (editors and owners)',
    tag: 'Labels',
    ability: 'label.delete',
    success: { status: 204, data: null },
    problems: [404, 412],
  }
)
