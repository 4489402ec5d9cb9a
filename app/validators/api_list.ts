import vine from '@vinejs/vine'
import { pagingParams } from '#api/pagination'

/** The query string of an API list that only pages (`page`, `perPage`, `cursor`). */
export const filterApiListValidator = vine.create(pagingParams())

/** The query string of an API read that takes no parameters (any one sent is refused). */
export const readApiRecordValidator = vine.create({})
