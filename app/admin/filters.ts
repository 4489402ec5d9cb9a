import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { ModelAdmin } from '#admin/model_admin'
import type { AdminChoice, AdminFilter } from '#admin/types'
import { adminUrls } from '#admin/urls'
import { columnTypesOf } from '#introspection/column_types'
import { humanize, memberOf } from '#introspection/model_fields'
import { titleColumnOf } from '#admin/lookups'
import { isRowId } from '#validators/rules/row_id'

/** A filter of a change list: which values it accepts, how it narrows the query, how it draws. */
export type ListFilter = {
  param: string
  accepts: (value: string) => boolean
  apply: (query: DatabaseQueryBuilderContract, value: string) => void
  describe: (selected: string | null) => Promise<AdminFilter>
}

/** The value that selects rows where a nullable field is empty. */
export const NONE = '__none'

/** The date ranges a date filter offers, reckoned in the user's time zone. */
const DATE_RANGES: Record<string, { label: string; from: (today: DateTime) => DateTime }> = {
  today: { label: 'Today', from: (today) => today },
  past_7_days: { label: 'Past 7 days', from: (today) => today.minus({ days: 6 }) },
  this_month: { label: 'This month', from: (today) => today.startOf('month') },
  this_year: { label: 'This year', from: (today) => today.startOf('year') },
}

function choicesFilter(
  param: string,
  label: string,
  choices: AdminChoice[],
  apply: ListFilter['apply']
): ListFilter {
  return {
    param,
    accepts: (value) => choices.some((choice) => choice.value === value),
    apply,
    describe: async (selected) => ({ kind: 'choices', param, label, choices, selected }),
  }
}

/**
 * The filter named `name` of `admin`'s change list: a relation searched as you type, fixed
 * choices (`fieldOptions.choices`), yes/no for booleans, date ranges for dates, and otherwise
 * the distinct values of the column (at most 100).
 */
export async function listFilterOf({
  admin,
  name,
  timeZone,
}: {
  admin: ModelAdmin
  /** An entry of the admin's `listFilter`. */
  name: string
  /** The user's time zone, which reckons the date ranges. */
  timeZone: string
}): Promise<ListFilter> {
  const member = memberOf(admin.model, name)!
  const label = admin.fieldOptions[name]?.label ?? humanize(name)
  const table = admin.table

  if (member.kind === 'belongsTo') {
    const related = member.relation.relatedModel()
    const column = `${table}.${member.column}`
    return {
      param: name,
      accepts: (value) => value === NONE || isRowId(value),
      apply: (query, value) =>
        value === NONE ? query.whereNull(column) : query.where(column, Number(value)),
      describe: async (selected) => {
        let choice: AdminChoice | null = null
        if (selected === NONE) choice = { value: NONE, label: 'None' }
        else if (selected) {
          const title = titleColumnOf(related)
          const row = await db
            .from(related.table)
            .where('id', Number(selected))
            .select(title)
            .first()
          choice = { value: selected, label: row ? String(row[title]) : `#${selected}` }
        }
        return {
          kind: 'relation',
          param: name,
          label,
          lookupUrl: adminUrls.lookup(admin, name),
          selected: choice,
        }
      },
    }
  }

  if (member.kind !== 'column') throw new Error(`"${name}" cannot be filtered`)
  const column = `${table}.${member.column}`
  const types = await columnTypesOf(table)
  const type = types.get(member.column)
  const nullable = type?.nullable ?? true
  const fixed = admin.fieldOptions[name]?.choices

  if (fixed) {
    const choices = Object.entries(fixed).map(([value, text]) => ({ value, label: text }))
    return choicesFilter(name, label, choices, (query, value) => query.where(column, value))
  }

  if (type?.type === 'boolean') {
    const choices = [
      { value: '1', label: 'Yes' },
      { value: '0', label: 'No' },
      ...(nullable ? [{ value: NONE, label: 'Unknown' }] : []),
    ]
    return choicesFilter(name, label, choices, (query, value) =>
      value === NONE ? query.whereNull(column) : query.where(column, value === '1')
    )
  }

  if (type?.type === 'date' || type?.type === 'datetime') {
    const choices = Object.entries(DATE_RANGES).map(([value, range]) => ({
      value,
      label: range.label,
    }))
    if (nullable)
      choices.push({ value: NONE, label: 'No date' }, { value: 'any', label: 'Has date' })
    return choicesFilter(name, label, choices, (query, value) => {
      if (value === NONE) return query.whereNull(column)
      if (value === 'any') return query.whereNotNull(column)
      const today = DateTime.now().setZone(timeZone).startOf('day')
      const from = DATE_RANGES[value].from(today)
      const until = today.plus({ days: 1 })
      if (type.type === 'date') {
        query.where(column, '>=', from.toISODate()!).where(column, '<', until.toISODate()!)
      } else {
        const format = db.connection().dialect.dateTimeFormat
        query
          .where(column, '>=', from.toUTC().toFormat(format))
          .where(column, '<', until.toUTC().toFormat(format))
      }
    })
  }

  const values = await db
    .from(table)
    .distinct(member.column)
    .whereNotNull(member.column)
    .orderBy(member.column)
    .limit(100)
  const choices = values.map((row) => ({
    value: String(row[member.column]),
    label: String(row[member.column]),
  }))
  if (nullable) choices.push({ value: NONE, label: 'None' })
  return choicesFilter(name, label, choices, (query, value) =>
    value === NONE ? query.whereNull(column) : query.where(column, value)
  )
}
