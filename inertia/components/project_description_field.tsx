import { Label } from '~/components/ui/label'
import { fieldClasses } from '~/components/ui/input'
import { InputError } from '~/components/input_error'

/** The multi-line description of a project. */
export function ProjectDescriptionField({
  value,
  onChange,
  error,
}: {
  value: string
  onChange: (value: string) => void
  error?: string
}) {
  return (
    <div>
      <Label htmlFor="description">Description</Label>
      <textarea
        id="description"
        name="description"
        rows={4}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'description-error' : undefined}
        className={`mt-1 ${fieldClasses}`}
      />
      <InputError id="description-error" message={error} />
    </div>
  )
}
