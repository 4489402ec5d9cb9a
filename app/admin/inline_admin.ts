import type { AdminContext } from '#admin/admin_context'

/**
 * Child records edited on the parent's form, as Django's `TabularInline`: the rows of one of the
 * parent's `hasMany` relations, with the listed fields. The foreign key to the parent is set by
 * the admin, never by the form. What a user may do with the rows follows the child model's own
 * admin registration when it has one, else the parent's change permission.
 */
export type InlineAdmin = {
  /** The parent model's hasMany relation: "comments". */
  relation: string
  /** The child's columns shown and edited, in order. */
  fields: string[]
  /** Columns or belongsTo relations shown but not edited (a relation reads as its title). */
  readonlyFields?: string[]
  label?: string
  /** Attributes, `-` for descending; default by primary key. */
  ordering?: string[]
  /** At most this many rows are drawn (the first, by ordering); default 50. */
  max?: number
  /** Values a new row gets besides the form's (e.g. the author of a comment: the admin user). */
  defaults?: (ctx: AdminContext) => Record<string, unknown>
}
