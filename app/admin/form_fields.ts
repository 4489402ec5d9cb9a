import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import type { FieldOptions, ModelAdmin } from '#admin/model_admin'
import type { AdminChoice, AdminField, AdminValue, AdminWidget } from '#admin/types'
import { adminUrls } from '#admin/urls'
import { choicesOf } from '#admin/lookups'
import { toAdminValue } from '#admin/values'
import { type ColumnType, columnTypesOf } from '#introspection/column_types'
import { type ModelMember, humanize, memberOf } from '#introspection/model_fields'
import type { FieldRules } from '#validators/rules/field_rules'

/**
 * A form field with what saving it needs: the model member behind it, its column type, and the
 * pages' rule of the field when the model's admin names one.
 */
export type FormField = AdminField & {
  member: ModelMember
  type: ColumnType | null
  options: FieldOptions
  rule: FieldRules[string] | null
}

/** Widgets whose empty value is the empty string when the column cannot be null. */
export const TEXT_WIDGETS: AdminWidget[] = ['text', 'email', 'textarea']

/** `datetime-local` inputs read and write wall-clock time in the user's zone. */
export const LOCAL_DATETIME = "yyyy-MM-dd'T'HH:mm"

function widgetOf(
  member: ModelMember,
  type: ColumnType | null,
  options: FieldOptions
): AdminWidget {
  if (options.widget) return options.widget
  if (member.kind === 'belongsTo') return 'relation'
  if (member.kind === 'manyToMany') return 'relations'
  if (options.choices) return 'select'
  switch (type?.type) {
    case 'boolean':
      return 'checkbox'
    case 'number':
      return 'number'
    case 'date':
      return 'date'
    case 'datetime':
      return 'datetime'
    default:
      return type?.long ? 'textarea' : 'text'
  }
}

/**
 * The form fields of `names` on `model`, inferred from the model's columns and relations and
 * the database's column types, with the admin's per-field options applied. `lookupAdmin` is the
 * admin whose lookup URLs the relation pickers search through.
 */
export async function formFieldsOf(
  model: LucidModel,
  names: string[],
  options: {
    fieldOptions: Record<string, FieldOptions>
    fieldRules: FieldRules
    readonly: string[]
    lookupAdmin: ModelAdmin
  }
): Promise<FormField[]> {
  const types = await columnTypesOf(model.table)
  return names.map((name) => {
    const member = memberOf(model, name)!
    const fieldOptions = options.fieldOptions[name] ?? {}
    const column = member.kind === 'column' || member.kind === 'belongsTo' ? member.column : null
    const type = column ? (types.get(column) ?? null) : null
    const widget = widgetOf(member, type, fieldOptions)
    const relation = widget === 'relation' || widget === 'relations'
    // Text with a default may be left empty; other columns that cannot be null need a value.
    const required =
      member.kind !== 'manyToMany' &&
      widget !== 'checkbox' &&
      type !== null &&
      !type.nullable &&
      !(TEXT_WIDGETS.includes(widget) && type.hasDefault)
    return {
      name,
      label: fieldOptions.label ?? humanize(name),
      widget,
      required,
      readonly: options.readonly.includes(name),
      help: fieldOptions.help ?? null,
      maxLength: type?.maxLength ?? null,
      choices: fieldOptions.choices
        ? Object.entries(fieldOptions.choices).map(([value, label]) => ({ value, label }))
        : null,
      lookupUrl: relation ? adminUrls.lookup(options.lookupAdmin, name) : null,
      selected: null,
      member,
      type,
      options: fieldOptions,
      rule: Object.hasOwn(options.fieldRules, name) ? options.fieldRules[name] : null,
    }
  })
}

/** The value of one field of a saved row, as the form shows it (in the user's time zone). */
async function valueOf(
  row: LucidRow,
  field: FormField,
  timeZone: string
): Promise<AdminValue | string[]> {
  const { member } = field
  if (field.widget === 'password') return null
  if (member.kind === 'manyToMany') {
    const relation = member.relation
    const ids = await db
      .from(relation.pivotTable!)
      .where(relation.pivotForeignKey!, row.$getAttribute(relation.localKey))
      .select(relation.pivotRelatedForeignKey!)
    return ids.map((entry) => String(entry[relation.pivotRelatedForeignKey!]))
  }
  const attribute = member.kind === 'belongsTo' ? member.relation.foreignKey : member.attribute
  const value = row.$getAttribute(attribute)
  if (value === null || value === undefined) return null
  if (member.kind === 'belongsTo') return String(value)
  if (field.type?.type === 'datetime' && DateTime.isDateTime(value)) {
    return value.setZone(timeZone).toFormat(LOCAL_DATETIME)
  }
  return toAdminValue(value, field.type?.type ?? 'text')
}

/**
 * The values of `fields` for `row` (or empty ones for an add form), and (unless `labels` is
 * false) the labels of their pickers' current choices.
 */
export async function formValues(
  row: LucidRow | null,
  fields: FormField[],
  timeZone: string,
  options: { labels: boolean } = { labels: true }
): Promise<Record<string, AdminValue | string[]>> {
  const values: Record<string, AdminValue | string[]> = {}
  for (const field of fields) {
    if (row) values[field.name] = await valueOf(row, field, timeZone)
    else
      values[field.name] =
        field.widget === 'relations' ? [] : field.widget === 'checkbox' ? false : null
    if (
      options.labels &&
      (field.member.kind === 'belongsTo' || field.member.kind === 'manyToMany')
    ) {
      const value = values[field.name]
      const ids = Array.isArray(value) ? value : value === null ? [] : [String(value)]
      field.selected = await choicesOf(field.member.relation.relatedModel(), ids)
    }
  }
  return values
}

/** A field as the page receives it: without the server's own bookkeeping. */
export function toAdminField(field: FormField): AdminField {
  const { member, type, options, rule, ...shown } = field
  return { ...shown, selected: shown.selected as AdminChoice[] | null }
}
