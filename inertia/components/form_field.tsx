import type { InputHTMLAttributes } from 'react'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { InputError } from '~/components/input_error'

type FormFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | null
  hint?: string
}

/** A labelled text input with its hint and error, wired for screen readers. */
export function FormField({ id, label, value, onChange, error, hint, ...input }: FormFieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy || undefined}
        className="mt-1"
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <InputError id={`${id}-error`} message={error} />
    </div>
  )
}

/** The part of an Inertia `useForm` a bound field reads and writes. */
type BoundForm<Data> = {
  data: Data
  errors: Partial<Record<keyof Data, string>>
  setData: (key: TextKeys<Data>, value: string) => void
}

/** The keys of a form's data that hold text. */
type TextKeys<Data> = { [Key in keyof Data]: Data[Key] extends string ? Key : never }[keyof Data] &
  string

type BoundFormFieldProps<Data> = Omit<
  FormFieldProps,
  'id' | 'value' | 'onChange' | 'error' | 'form' | 'name'
> & {
  form: BoundForm<Data>
  name: TextKeys<Data>
  /** The input's id; the field's name by default. */
  id?: string
}

/**
 * A {@link FormField} bound to a `useForm` field by its name: shows `form.data[name]`, writes
 * with `form.setData` and shows `form.errors[name]`. Use it for every text field of a form.
 */
export function BoundFormField<Data>({ form, name, id, ...field }: BoundFormFieldProps<Data>) {
  return (
    <FormField
      id={id ?? name}
      value={form.data[name] as string}
      onChange={(value) => form.setData(name, value)}
      error={form.errors[name]}
      {...field}
    />
  )
}
