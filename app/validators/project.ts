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

/** A label: a short name, unique in its project, and a hex colour. */
export const saveLabelValidator = vine
  .withMetaData<{ projectId: number; labelId?: number }>()
  .compile(
    vine.object({
      name: labelFields.name().unique({
        table: 'labels',
        column: 'name',
        filter: (query, _value, field) => {
          query.where('project_id', field.meta.projectId)
          if (field.meta.labelId) query.whereNot('id', field.meta.labelId)
        },
      }),
      color: labelFields.color(),
    })
  )
