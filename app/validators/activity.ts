import vine from '@vinejs/vine'
import { pagingParams } from '#api/pagination'

/** The API's activity feed of a project: paging, and the kind of record to keep (`task`...). */
export const filterApiActivityValidator = vine.create({
  subjectType: vine
    .string()
    .regex(/^[a-z][a-z_]*$/)
    .maxLength(40)
    .optional(),
  ...pagingParams(),
})
