import vine from '@vinejs/vine'
import { PROJECT_ROLES } from '#models/project'

/** Project name and description. */
export const projectValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(120),
  description: vine.string().trim().maxLength(5000).optional(),
})

/** Deleting a project: its name typed again, to confirm. */
export const deleteProjectValidator = vine.create({
  confirmation: vine.string().trim().maxLength(120),
})

/** Adding a member: an account's email and a role. */
export const addMemberValidator = vine.create({
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  role: vine.enum(PROJECT_ROLES),
})

/** Changing a member's role. */
export const changeRoleValidator = vine.create({
  role: vine.enum(PROJECT_ROLES),
})

/** A label: a short name, unique in its project, and a hex colour. */
export const labelValidator = vine.withMetaData<{ projectId: number; labelId?: number }>().compile(
  vine.object({
    name: vine
      .string()
      .trim()
      .minLength(1)
      .maxLength(50)
      .unique({
        table: 'labels',
        column: 'name',
        filter: (query, _value, field) => {
          query.where('project_id', field.meta.projectId)
          if (field.meta.labelId) query.whereNot('id', field.meta.labelId)
        },
      }),
    color: vine
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/),
  })
)
