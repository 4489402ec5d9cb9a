import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'

/** A choice of a filter select: [value, text]. */
export type FilterOption = [string, string]

type FilterProps = { id: string; label: string; onChange: (value: string) => void }

/** One labelled select of the filter bar. */
export function FilterSelect({
  id,
  label,
  value,
  onChange,
  options,
}: FilterProps & { value: string; options: FilterOption[] }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} className="mt-1" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </Select>
    </div>
  )
}

/** One labelled date input of the filter bar. */
export function FilterDate({ id, label, value, onChange }: FilterProps & { value: string | null }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="date"
        className="mt-1"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  )
}
