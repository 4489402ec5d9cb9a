import vine from '@vinejs/vine'
import { PROJECT_ROLES } from '#shared/projects'
import { emailRule } from '#validators/session'
import type { FieldRules } from '#validators/rules/field_rules'

/** The rules of a project's fields, for its pages and the admin. */
export const projectFields = {
  name: () => vine.string().trim().minLength(1).maxLength(120),
  description: () => vine.string().trim().maxLength(5000),
} satisfies FieldRules

/** The rules of a membership's fields (people are added by email, see addMemberValidator). */
export const memberFields = {
  role: () => vine.enum(PROJECT_ROLES),
} satisfies FieldRules

/** The rules of a label's fields: a short name and a hex colour. */
export const labelFields = {
  name: () => vine.string().trim().minLength(1).maxLength(50),
  color: () =>
    vine
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/),
} satisfies FieldRules

/** Project name and description. */
export const saveProjectValidator = vine.create({
  name: projectFields.name(),
  description: projectFields.description().optional(),
})

/** Changing a project through the API: the fields sent, and `archived` to archive or restore it. */
export const changeProjectValidator = vine.create({
  name: projectFields.name().optional(),
  description: projectFields.description().optional(),
  archived: vine.boolean({ strict: true }).optional(),
})

/** Deleting a project: its name typed again, to confirm. */
export const deleteProjectValidator = vine.create({
  confirmation: vine.string().trim().maxLength(120),
})

/** Adding a member: an account's email and a role. */
export const addMemberValidator = vine.create({
  email: emailRule(),
  role: memberFields.role(),
})

/** Changing a member's role. */
export const changeRoleValidator = vine.create({
  role: memberFields.role(),
})

/** Which project a label's name must be unique in, and the label being changed. */
type LabelScope = { projectId: number; labelId?: number }

/** A label's name, unique in its project (the label being changed aside). */
function uniqueLabelName() {
  return labelFields.name().unique({
    table: 'labels',
    column: 'name',
    filter: (query, _value, field) => {
      query.where('project_id', field.meta.projectId)
      if (field.meta.labelId) query.whereNot('id', field.meta.labelId)
    },
  })
}

/** A label: a short name, unique in its project, and a hex colour. */
export const saveLabelValidator = vine
  .withMetaData<LabelScope>()
  .compile(vine.object({ name: uniqueLabelName(), color: labelFields.color() }))

/** Changing a label through the API: the fields sent, by the same rules. */
export const changeLabelValidator = vine.withMetaData<LabelScope>().compile(
  vine.object({
    name: uniqueLabelName().optional(),
    color: labelFields.color().optional(),
  })
)
