import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import adminSite from '#admin/admin_site'
import type { AdminContext } from '#admin/admin_context'
import type { ModelAdmin } from '#admin/model_admin'
import type { InlineAdmin } from '#admin/inline_admin'
import type { AdminInline } from '#admin/types'
import { type BootedRelation, humanize, memberOf } from '#introspection/model_fields'
import { type FormField, formFieldsOf, formValues, toAdminField } from '#admin/form_fields'
import { choicesOf } from '#admin/lookups'
import { type FieldError, validateForm } from '#admin/form_validation'
import { assignValues } from '#admin/form_save'
import { takenFieldError } from '#admin/form_taken'

/** One inline, resolved: its relation, child model and what this user may do with the rows. */
type ResolvedInline = {
  inline: InlineAdmin
  relation: BootedRelation
  child: LucidModel
  childAdmin: ModelAdmin | null
  canAdd: boolean
  canChange: boolean
  canDelete: boolean
}

function resolveInline(admin: ModelAdmin, ctx: AdminContext, inline: InlineAdmin): ResolvedInline {
  const member = memberOf(admin.model, inline.relation)
  if (member?.kind !== 'hasMany') throw new Error(`"${inline.relation}" is not a hasMany relation`)
  const child = member.relation.relatedModel()
  const childAdmin = adminSite.isRegistered(child) ? adminSite.adminOf(child) : null
  const parentMayChange = admin.hasChangePermission(ctx)
  return {
    inline,
    relation: member.relation,
    child,
    childAdmin,
    canAdd: parentMayChange && (childAdmin ? childAdmin.hasAddPermission(ctx) : true),
    canChange: parentMayChange && (childAdmin ? childAdmin.hasChangePermission(ctx) : true),
    canDelete: parentMayChange && (childAdmin ? childAdmin.hasDeletePermission(ctx) : true),
  }
}

function fieldsOf(admin: ModelAdmin, resolved: ResolvedInline): Promise<FormField[]> {
  const readonly = resolved.inline.readonlyFields ?? []
  return formFieldsOf(resolved.child, [...resolved.inline.fields, ...readonly], {
    fieldOptions: {},
    fieldRules: resolved.childAdmin?.fieldRules ?? {},
    readonly: resolved.canChange ? readonly : [...resolved.inline.fields, ...readonly],
    lookupAdmin: admin,
  })
}

function childRows(resolved: ResolvedInline, parent: LucidRow, client?: TransactionClientContract) {
  const query = resolved.child
    .query(client ? { client } : {})
    .where(resolved.relation.foreignKey, parent.$getAttribute(resolved.relation.localKey))
  for (const part of resolved.inline.ordering ?? [resolved.child.primaryKey]) {
    query.orderBy(part.replace(/^-/, ''), part.startsWith('-') ? 'desc' : 'asc')
  }
  return query
}

/**
 * The rows of an inline as the form draws them. A read-only relation (a comment's author) reads
 * as its label, since each row has its own.
 */
async function inlineRows(rows: LucidRow[], fields: FormField[], timeZone: string) {
  const drawn: AdminInline['rows'] = []
  for (const row of rows) {
    const values = await formValues(row, fields, timeZone, { labels: false })
    drawn.push({
      id: String(row.$primaryKeyValue),
      values: values as AdminInline['rows'][number]['values'],
    })
  }
  // One query per related model for all rows' labels, not one per row.
  for (const field of fields) {
    if (field.member.kind !== 'belongsTo') continue
    const ids = [...new Set(drawn.map((row) => row.values[field.name]).filter((id) => id !== null))]
    const choices = await choicesOf(field.member.relation.relatedModel(), ids as string[])
    const labels = new Map(choices.map((choice) => [choice.value, choice.label]))
    for (const row of drawn) {
      const id = row.values[field.name]
      row.values[field.name] = id === null ? null : (labels.get(String(id)) ?? null)
    }
  }
  return drawn
}

/** The inlines of a change form, with the parent's current child rows (none on an add form). */
export async function buildInlines(
  admin: ModelAdmin,
  ctx: AdminContext,
  parent: LucidRow | null
): Promise<AdminInline[]> {
  return Promise.all(
    admin.getInlines(ctx).map(async (inline) => {
      const resolved = resolveInline(admin, ctx, inline)
      const fields = await fieldsOf(admin, resolved)
      const rows = parent ? await childRows(resolved, parent).limit(inline.max ?? 50) : []
      return {
        name: inline.relation,
        label: inline.label ?? humanize(inline.relation),
        fields: fields.map(toAdminField),
        rows: await inlineRows(rows, fields, ctx.user.timeZone),
        canAdd: resolved.canAdd,
        canChange: resolved.canChange,
        canDelete: resolved.canDelete,
      }
    })
  )
}

/** A submitted inline row: its id when it exists, its values, whether to delete it. */
type SubmittedRow = Record<string, unknown> & { id?: string; _delete?: boolean }

/**
 * Applies the submitted inline rows to `parent` in `trx`: changes, deletions and new rows, each
 * through its model (so each is in the activity record). Rows that are not the parent's, or that
 * the user may not touch, are refused. Returns the field errors, keyed `_inlines.<name>.<i>.<field>`.
 */
export async function saveInlines(
  admin: ModelAdmin,
  ctx: AdminContext,
  parent: LucidRow,
  submitted: Record<string, unknown>,
  trx: TransactionClientContract
): Promise<FieldError[]> {
  const problems: FieldError[] = []
  for (const inline of admin.getInlines(ctx)) {
    const rows = submitted[inline.relation]
    if (rows === undefined) continue
    const resolved = resolveInline(admin, ctx, inline)
    const fields = await fieldsOf(admin, resolved)
    const current = await childRows(resolved, parent, trx)
    const existing = new Map(current.map((row) => [String(row.$primaryKeyValue), row]))
    const list = (Array.isArray(rows) ? rows : []) as SubmittedRow[]

    for (const [index, entry] of list.entries()) {
      const prefix = `_inlines.${inline.relation}.${index}.`
      const refuse = (message: string) =>
        problems.push({ field: `${prefix}id`, message, rule: 'inline' })
      const row = entry.id ? existing.get(String(entry.id)) : undefined
      if (entry.id && !row) {
        refuse(`This ${humanize(inline.relation).toLowerCase()} row no longer exists`)
        continue
      }
      if (entry._delete) {
        if (!row) continue
        if (!resolved.canDelete) refuse('You may not delete these rows')
        else await row.useTransaction(trx).delete()
        continue
      }
      if ((row && !resolved.canChange) || (!row && !resolved.canAdd)) {
        refuse('You may not change these rows')
        continue
      }
      const { values, errors } = await validateForm(fields, entry, {
        adding: !row,
        timeZone: ctx.user.timeZone,
        prefix,
      })
      if (errors.length > 0) {
        problems.push(...errors)
        continue
      }
      const target = row ?? new resolved.child()
      if (!row) {
        Object.assign(target, inline.defaults?.(ctx) ?? {})
        target.$setAttribute(
          resolved.relation.foreignKey,
          parent.$getAttribute(resolved.relation.localKey)
        )
      }
      assignValues(target, fields, values)
      try {
        await target.useTransaction(trx).save()
      } catch (error) {
        // A value another row holds (a label's name): the save stops here, its transaction is over.
        const taken = takenFieldError(error, resolved.child, fields, prefix)
        if (!taken) throw error
        return [...problems, taken]
      }
    }
  }
  return problems
}
