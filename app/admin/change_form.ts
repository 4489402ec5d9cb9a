import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import { Exception } from '@adonisjs/core/exceptions'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import type { AdminContext } from '#admin/admin_context'
import type { ModelAdmin } from '#admin/model_admin'
import type { AdminChangeFormProps } from '#admin/types'
import { adminUrls } from '#admin/urls'
import { modelInfo } from '#admin/change_list'
import { versionOf } from '#admin/form_versions'
import { type FieldError, validateForm } from '#admin/form_validation'
import { buildInlines, saveInlines } from '#admin/inlines'
import { takenFieldError } from '#admin/form_taken'
import { formFieldsOf, formValues, toAdminField } from '#admin/form_fields'
import { assignValues, lockedRow, syncManyToMany } from '#admin/form_save'

/** The row of `admin`'s model with primary key `id`, or a 404. */
export async function findRecord(admin: ModelAdmin, id: string): Promise<LucidRow> {
  const row = await admin.model.find(id)
  if (!row)
    throw new Exception(`No ${admin.singularLabel} has the id "${id}"`, {
      status: 404,
      code: 'E_ROW_NOT_FOUND',
    })
  return row
}

/** The title of a row on pages: its title attribute, else "Task #12". */
export function titleOf(admin: ModelAdmin, row: LucidRow): string {
  const value = row.$getAttribute(admin.titleAttribute)
  return value === null || value === undefined || value === ''
    ? `${admin.singularLabel} #${row.$primaryKeyValue}`
    : String(value).slice(0, 120)
}

/** The form fields of `admin` for this user and row, grouped by fieldset. */
async function fieldsetsOf(admin: ModelAdmin, ctx: AdminContext, row: LucidRow | null) {
  const readonly =
    row && !admin.hasChangePermission(ctx, row)
      ? admin.getFieldsets(ctx, row).flatMap((fieldset) => fieldset.fields)
      : admin.getReadonlyFields(ctx, row ?? undefined)
  return Promise.all(
    admin.getFieldsets(ctx, row ?? undefined).map(async (fieldset) => {
      const fields = await formFieldsOf(admin.model, fieldset.fields, {
        fieldOptions: admin.fieldOptions,
        fieldRules: admin.fieldRules,
        readonly,
        lookupAdmin: admin,
      })
      // A password is required to add an account; left empty on a change, it stays as it is.
      for (const field of fields) if (row && field.widget === 'password') field.required = false
      return { title: fieldset.title, fields }
    })
  )
}

/** The add form (row null) or the change form of a row, as the generic page draws it. */
export async function buildChangeForm(
  admin: ModelAdmin,
  ctx: AdminContext,
  row: LucidRow | null
): Promise<Omit<AdminChangeFormProps, 'nav'>> {
  const fieldsets = await fieldsetsOf(admin, ctx, row)
  const fields = fieldsets.flatMap((fieldset) => fieldset.fields)
  const [values, inlines] = await Promise.all([
    formValues(row, fields, ctx.user.timeZone),
    buildInlines(admin, ctx, row),
  ])
  const id = row ? String(row.$primaryKeyValue) : null
  return {
    model: modelInfo(admin, ctx),
    object: row ? { id: id!, title: titleOf(admin, row), url: adminUrls.change(admin, id!) } : null,
    fieldsets: fieldsets.map((fieldset) => ({
      title: fieldset.title,
      fields: fieldset.fields.map(toAdminField),
    })),
    values,
    inlines,
    version: row ? versionOf(row) : null,
    submitUrl: row ? adminUrls.update(admin, id!) : adminUrls.store(admin),
    historyUrl: row && admin.activitySubject ? adminUrls.history(admin, id!) : null,
    deleteUrl: row && admin.hasDeletePermission(ctx, row) ? adminUrls.delete(admin, [id!]) : null,
  }
}

function refuse(problems: FieldError[]): never {
  throw new vineErrors.E_VALIDATION_ERROR(problems)
}

/**
 * Validates and saves the add form (`id` null) or the change form of row `id`, in one
 * transaction with its many-to-many links, its inline rows and their activity entries. A save
 * based on an older version of the row is refused and changes nothing; so is any invalid field,
 * inline row or `clean()` error.
 */
export async function saveChangeForm(
  admin: ModelAdmin,
  ctx: AdminContext,
  id: string | null,
  input: Record<string, unknown>
): Promise<LucidRow> {
  const current = id ? await findRecord(admin, id) : null
  const fieldsets = await fieldsetsOf(admin, ctx, current)
  const fields = fieldsets.flatMap((fieldset) => fieldset.fields)
  const { values, errors } = await validateForm(fields, input, {
    adding: !id,
    timeZone: ctx.user.timeZone,
  })
  if (errors.length > 0) refuse(errors)

  try {
    return await db.transaction(async (trx) => {
      const row = id ? await lockedRow(admin.model, id, trx) : new admin.model()
      if (!row) throw new Exception(`No ${admin.singularLabel} has the id "${id}"`, { status: 404 })
      if (id && String(input._version ?? '') !== (versionOf(row) ?? '')) {
        refuse([
          {
            field: '_version',
            message: `This ${admin.singularLabel} was changed by someone else since you opened it. Reload the page to see their changes; yours were not saved.`,
            rule: 'version',
          },
        ])
      }
      assignValues(row, fields, values)
      const cleaned = await admin.clean(ctx, values, row)
      if (Object.keys(cleaned).length > 0) {
        refuse(
          Object.entries(cleaned).map(([field, message]) => ({ field, message, rule: 'clean' }))
        )
      }
      await admin.saveModel(ctx, row, trx, { adding: !id })
      await syncManyToMany(admin, row, fields, values, trx)
      const inlineErrors = await saveInlines(
        admin,
        ctx,
        row,
        (input._inlines ?? {}) as Record<string, unknown>,
        trx
      )
      if (inlineErrors.length > 0) refuse(inlineErrors)
      return row
    })
  } catch (error) {
    const taken = takenFieldError(error, admin.model, fields)
    if (!taken) throw error
    refuse([taken])
  }
}
