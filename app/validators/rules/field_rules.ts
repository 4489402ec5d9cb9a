import type { BaseLiteralType } from '@vinejs/vine'

/**
 * The rules of a model's fields by attribute (`taskFields`, `userFields`): each builds a fresh,
 * required rule. The pages' validators compose them (adding `.optional()` where a form may leave
 * a field out), and the admin validates the same fields with them, so each rule is said once.
 */
export type FieldRules = Record<string, () => BaseLiteralType<any, any, any>>
