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
