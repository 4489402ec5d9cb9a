import string from '@adonisjs/core/helpers/string'
import { errors } from '@vinejs/vine'
import { violatedIndexOf } from '#services/records/unique_violation'

/**
 * What a form says when a unique index refuses a value: the column it is about (the last of the
 * index: a label's name within its project), the pages' form field and the sentence.
 */
export type Taken = { table: string; column: string; field: string; message: string }

/** A person added to a project they are already in (the members page adds people by email). */
export const ALREADY_MEMBER: Taken = {
  table: 'project_members',
  column: 'user_id',
  field: 'email',
  message: 'This person is already a member.',
}

/** An address invited again while its invitation is open (no second mail, no dead link). */
export const ALREADY_INVITED: Taken = {
  table: 'project_invitations',
  column: 'email',
  field: 'email',
  message: 'This address is already invited. Revoke the invitation to send a new one.',
}

/** The indexes whose sentence is not the validators' "The name has already been taken". */
const NAMED = [ALREADY_MEMBER, ALREADY_INVITED]

/**
 * What the form says about `column` of `table`: its named sentence, else the one VineJS's
 * `unique` rule gives ("The email has already been taken"), so a request that loses a race reads
 * what it would have read a moment later.
 */
export function takenFor(table: string, column: string): Taken {
  const named = NAMED.find((entry) => entry.table === table && entry.column === column)
  if (named) return named
  const field = string.camelCase(column)
  return {
    table,
    column,
    field,
    message: `The ${string.sentenceCase(field).toLowerCase()} has already been taken`,
  }
}

/** What the form says about the unique index a database error reports; null for other errors. */
export function takenOf(error: unknown): Taken | null {
  const index = violatedIndexOf(error)
  return index ? takenFor(index.table, index.columns[index.columns.length - 1]) : null
}

/** The validation error of a taken value, on `field` (the pages' field unless told otherwise). */
export function takenError(taken: Taken, field = taken.field) {
  return new errors.E_VALIDATION_ERROR([{ field, message: taken.message, rule: 'database.unique' }])
}
