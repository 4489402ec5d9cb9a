import { Button } from '~/components/ui/button'
import { InputError } from '~/components/input_error'

/** One model's abilities as the server's catalog lists them (`task.view`...). */
export type TokenAbilityGroup = {
  key: string
  label: string
  abilities: { name: string; action: string; label: string }[]
}

type TokenAbilityPickerProps = {
  /** Prefixes the checkboxes' ids, so two pickers can share a page. */
  id: string
  groups: TokenAbilityGroup[]
  value: string[]
  onChange: (abilities: string[]) => void
  error?: string | null
}

/**
 * Checkboxes of a token's abilities, one row per model, with shortcuts to tick every ability,
 * only the ones that read, or none.
 */
export function TokenAbilityPicker({
  id,
  groups,
  value,
  onChange,
  error,
}: TokenAbilityPickerProps) {
  const all = groups.flatMap((group) => group.abilities.map((ability) => ability.name))
  const readOnly = all.filter((name) => name.endsWith('.view'))
  const toggle = (name: string, checked: boolean) =>
    onChange(
      checked ? all.filter((n) => n === name || value.includes(n)) : value.filter((n) => n !== name)
    )

  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} data-test={`${id}-picker`}>
      <legend className="text-sm font-medium">Abilities</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button type="button" size="sm" variant="secondary" onClick={() => onChange(all)}>
          All
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={() => onChange(readOnly)}>
          Read-only
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => onChange([])}>
          None
        </Button>
      </div>
      <div className="mt-3 space-y-2">
        {groups.map((group) => (
          <div key={group.key} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <span className="w-24 font-medium">{group.label}</span>
            {group.abilities.map((ability) => (
              <label key={ability.name} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  id={`${id}-${ability.name}`}
                  checked={value.includes(ability.name)}
                  onChange={(event) => toggle(ability.name, event.target.checked)}
                  aria-label={`${group.label}: ${ability.label}`}
                  className="h-4 w-4 rounded border-border"
                />
                {ability.label}
              </label>
            ))}
          </div>
        ))}
      </div>
      <InputError id={`${id}-error`} message={error} />
    </fieldset>
  )
}
