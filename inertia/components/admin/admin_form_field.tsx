import type { AdminField } from '~/lib/admin/types'
import type { FieldValue } from '~/lib/admin/form_values'
import { AdminFieldInput } from '~/components/admin/admin_field_input'
import { AdminReadonlyValue } from '~/components/admin/admin_readonly_value'
import { InputError } from '~/components/input_error'
import { Label } from '~/components/ui/label'
import { cn } from '~/lib/cn'

type AdminFormFieldProps = {
  /** The id of the control; its help and error ids derive from it. */
  id: string
  field: AdminField
  value: FieldValue
  onChange: (value: FieldValue) => void
  error?: string | null
  /** Draw the value as text, whatever the field says (a view-only form, a locked inline row). */
  readonly?: boolean
  /** The label for screen readers only (inline rows, whose column headers name the fields). */
  label?: { text: string; hidden: boolean }
  /** The `data-test` of the control: `admin-field-<name>`. */
  testId: string
}

/** One field of the change form: label, control (or its value as text), help and error. */
export function AdminFormField(props: AdminFormFieldProps) {
  const { id, field, value, error, testId } = props
  const label = props.label ?? { text: field.label, hidden: false }
  const helpId = `${id}-help`
  const errorId = `${id}-error`
  const describedBy = [field.help && helpId, error && errorId].filter(Boolean).join(' ')
  const labelClass = cn(label.hidden && 'sr-only')

  if (props.readonly || field.readonly) {
    return (
      <div>
        <p id={`${id}-label`} className={cn('text-sm font-medium', labelClass)}>
          {label.text}
        </p>
        <div
          aria-labelledby={`${id}-label`}
          role="group"
          className={cn('text-sm', !label.hidden && 'mt-1')}
          data-test={testId}
        >
          <AdminReadonlyValue field={field} value={value} />
        </div>
        {field.help && <p className="mt-1 text-xs text-muted-foreground">{field.help}</p>}
      </div>
    )
  }

  const input = (
    <AdminFieldInput
      id={id}
      field={field}
      value={value}
      onChange={props.onChange}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
      data-test={testId}
    />
  )

  return (
    <div>
      {field.widget === 'checkbox' ? (
        <div className={cn('flex items-center gap-2', label.hidden && 'min-h-9')}>
          {input}
          <Label htmlFor={id} className={labelClass}>
            {label.text}
          </Label>
        </div>
      ) : (
        <>
          <Label htmlFor={id} className={labelClass}>
            {label.text}
            {field.required && <span aria-hidden="true"> *</span>}
          </Label>
          <div className={cn(!label.hidden && 'mt-1')}>{input}</div>
        </>
      )}
      {field.help && (
        <p id={helpId} className="mt-1 text-xs text-muted-foreground">
          {field.help}
        </p>
      )}
      <InputError id={errorId} message={error} />
    </div>
  )
}
