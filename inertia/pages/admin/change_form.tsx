import type { FormEvent } from 'react'
import { Head, Link, useForm } from '@inertiajs/react'
import type { AdminChangeFormProps } from '~/lib/admin/types'
import type { FieldValue, InlineRowData } from '~/lib/admin/form_values'
import { inSentence } from '~/lib/admin/words'
import AdminLayout from '~/layouts/admin_layout'
import { AdminBreadcrumbs } from '~/components/admin/admin_breadcrumbs'
import { AdminFormField } from '~/components/admin/admin_form_field'
import { InlineTable } from '~/components/admin/inline_table'
import { SaveButtons, type SaveMode, saveModeOf } from '~/components/admin/save_buttons'
import { buttonClasses } from '~/components/ui/button'

type ChangeFormData = {
  [field: string]: FieldValue | Record<string, InlineRowData[]>
  _version: string | null
  _save: SaveMode
  _inlines: Record<string, InlineRowData[]>
}

/**
 * The add and change form of one model (Django's change form): its fieldsets, the inline rows of
 * its children, and three ways to save. A stale version or a refused save shows at the top.
 */
export default function ChangeForm(props: AdminChangeFormProps) {
  const { model, object } = props
  const form = useForm<ChangeFormData>({
    ...props.values,
    _version: props.version,
    _save: 'save',
    _inlines: Object.fromEntries(
      props.inlines.map((inline) => [
        inline.name,
        inline.rows.map((row): InlineRowData => ({ id: row.id, ...row.values })),
      ])
    ),
  })
  const viewOnly = object === null ? !model.canAdd : !model.canChange
  const title = `${object === null ? 'Add' : 'Change'} ${inSentence(model.labelSingular)}`
  const generalError = form.errors._version ?? form.errors.form

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const mode = saveModeOf((event.nativeEvent as SubmitEvent).submitter)
    form.transform((data) => ({ ...data, _save: mode }))
    if (object === null) form.post(props.submitUrl)
    else form.put(props.submitUrl)
  }

  return (
    <>
      <Head title={object ? `${title}: ${object.title}` : title} />
      <AdminBreadcrumbs
        items={[{ label: model.label, href: model.url }, { label: object?.title ?? title }]}
      />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
          {object && <p className="mt-1 text-muted-foreground">{object.title}</p>}
        </div>
        <div className="flex items-center gap-2">
          {props.historyUrl && (
            <Link
              href={props.historyUrl}
              className={buttonClasses('secondary', 'sm')}
              data-test="admin-history-link"
            >
              History
            </Link>
          )}
          {props.deleteUrl && (
            <Link
              href={props.deleteUrl}
              className={buttonClasses('danger', 'sm')}
              data-test="admin-delete-link"
            >
              Delete
            </Link>
          )}
        </div>
      </div>

      <form
        onSubmit={submit}
        noValidate
        className="mt-6 max-w-3xl space-y-8"
        data-test="admin-form"
      >
        {generalError && (
          <div
            role="alert"
            className="rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-danger"
            data-test="admin-form-error"
          >
            {generalError}
          </div>
        )}
        {props.fieldsets.map((fieldset, index) => (
          <fieldset key={fieldset.title ?? index} className="space-y-4">
            {fieldset.title && (
              <legend className="mb-2 text-lg font-semibold">{fieldset.title}</legend>
            )}
            {fieldset.fields.map((field) => (
              <AdminFormField
                key={field.name}
                id={`field-${field.name}`}
                field={field}
                value={(form.data[field.name] as FieldValue | undefined) ?? null}
                onChange={(value) => form.setData((data) => ({ ...data, [field.name]: value }))}
                error={form.errors[field.name]}
                readonly={viewOnly}
                testId={`admin-field-${field.name}`}
              />
            ))}
          </fieldset>
        ))}
        {props.inlines.map((inline) => (
          <InlineTable
            key={inline.name}
            inline={inline}
            rows={form.data._inlines[inline.name] ?? []}
            errors={form.errors}
            readonly={viewOnly}
            onChange={(rows) =>
              form.setData((data) => ({
                ...data,
                _inlines: { ...data._inlines, [inline.name]: rows },
              }))
            }
          />
        ))}
        {!viewOnly && <SaveButtons processing={form.processing} />}
      </form>
    </>
  )
}

ChangeForm.layout = AdminLayout
