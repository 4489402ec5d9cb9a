import { DELETE_SELECTED } from '#admin/bulk_actions'

/**
 * Every mistake the boot checks find, as Django's `admin.E1xx` system checks: one stable code per
 * option and kind of mistake, the option it is about, and a hint saying what the option accepts.
 * A code is never reused for another mistake; README's admin section lists the same table.
 */
export const ADMIN_CHECKS = {
  'admin.E101': {
    option: 'listDisplay',
    hint: 'name a column, a belongsTo relation field ("project.name") or a key of `computed`',
  },
  'admin.E102': {
    option: 'searchFields',
    hint: 'name a column or a belongsTo relation field ("owner.email")',
  },
  'admin.E103': {
    option: 'listFilter',
    hint: 'name a column or a belongsTo relation (not a field path, not a hasMany relation)',
  },
  'admin.E104': {
    option: 'ordering',
    hint: 'name a column or a belongsTo relation field, with "-" in front for descending',
  },
  'admin.E105': {
    option: 'sortableFields',
    hint: 'name a column or a belongsTo relation field',
  },
  'admin.E106': { option: 'perPage', hint: 'set a whole number from 1 to 500' },
  'admin.E107': { option: 'titleField', hint: 'name a column of the model' },
  'admin.E108': {
    option: 'readonlyFields',
    hint: 'name a column or a relation of the model',
  },
  'admin.E109': {
    option: 'fieldsets',
    hint: 'name a column, a belongsTo or a manyToMany relation (hasMany rows go in `inlines`)',
  },
  'admin.E110': { option: 'fieldsets', hint: 'list each field in one fieldset only' },
  'admin.E111': {
    option: 'fieldOptions',
    hint: 'key the options by a column, a relation or a belongsTo relation field',
  },
  'admin.E112': { option: 'fieldRules', hint: 'key the rules by a column of the model' },
  'admin.E113': { option: 'inlines', hint: 'name a hasMany relation of the model' },
  'admin.E114': {
    option: 'inlines',
    hint: "list the child model's columns in `fields` (relations go in `readonlyFields`)",
  },
  'admin.E115': {
    option: 'inlines',
    hint: "list the child model's columns or belongsTo relations in `readonlyFields`",
  },
  'admin.E116': {
    option: 'inlines',
    hint: 'order the inline by the child model\'s columns, with "-" for descending',
  },
  'admin.E117': {
    option: 'actions',
    hint: `rename the action: "${DELETE_SELECTED}" is the built-in one`,
  },
  'admin.E118': { option: 'actions', hint: 'give each action its own name' },
} as const

/** The code of one kind of mistake, e.g. `admin.E101`. */
export type AdminCheckCode = keyof typeof ADMIN_CHECKS

/** One mistake in one registration: its code, where it is, the offending value and the fix. */
export type AdminCheckProblem = {
  code: AdminCheckCode
  /** The ModelAdmin class, e.g. "TaskAdmin". */
  admin: string
  model: string
  option: string
  /** The offending value as written (a field name, a number). */
  value: string
  /** What is wrong, in a sentence naming the admin, the model, the option and the value. */
  message: string
  hint: string
}
