import { type KeyboardEvent, useState } from 'react'
import type { AdminChoice } from '~/lib/admin/types'
import { useLookup } from '~/hooks/use_lookup'
import { Input } from '~/components/ui/input'
import { cn } from '~/lib/cn'

type LookupInputProps = {
  'id': string
  'lookupUrl': string
  'onPick': (choice: AdminChoice) => void
  /** Values already chosen, left out of the results. */
  'exclude'?: string[]
  'placeholder'?: string
  'aria-label'?: string
  'aria-describedby'?: string
  'aria-invalid'?: boolean
  'data-test'?: string
}

/**
 * A search box over a related model (the ARIA combobox pattern): typing searches the lookup
 * endpoint, arrow keys move through the results, Enter picks one, Escape closes the list. It holds
 * no value of its own; the caller decides what a pick does.
 */
export function LookupInput({
  id,
  lookupUrl,
  onPick,
  exclude = [],
  placeholder = 'Type to search',
  ...input
}: LookupInputProps) {
  const [term, setTerm] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const lookup = useLookup(lookupUrl, term, open)
  const options = lookup.results.filter((choice) => !exclude.includes(choice.value))
  const listId = `${id}-results`
  const optionId = (index: number) => `${id}-result-${index}`

  function show() {
    setOpen(true)
    setActive(-1)
  }

  function pick(choice: AdminChoice) {
    onPick(choice)
    setTerm('')
    setOpen(false)
    setActive(-1)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) return show()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((index) => Math.min(Math.max(index + step, 0), options.length - 1))
    } else if (event.key === 'Enter' && open) {
      event.preventDefault()
      if (options[active]) pick(options[active])
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      setOpen(false)
    }
  }

  const expanded = open && options.length > 0
  const status = lookup.failed
    ? 'The search failed. Try again.'
    : lookup.loading && options.length === 0
      ? 'Searching…'
      : options.length === 0
        ? 'No match.'
        : null

  return (
    <div className="relative">
      <Input
        id={id}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        placeholder={placeholder}
        value={term}
        onChange={(event) => {
          setTerm(event.target.value)
          show()
        }}
        onClick={show}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        {...input}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Results"
        hidden={!expanded}
        className="absolute z-30 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-border bg-card p-1 shadow-lg"
      >
        {options.map((choice, index) => (
          <li
            key={choice.value}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            data-test={`admin-lookup-option-${choice.value}`}
            className={cn(
              'cursor-pointer rounded px-2 py-1.5 text-sm',
              index === active ? 'bg-muted' : 'hover:bg-muted'
            )}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(choice)}
          >
            {choice.label}
          </li>
        ))}
      </ul>
      <p
        aria-live="polite"
        className={cn('mt-1 text-xs text-muted-foreground', !(open && status) && 'sr-only')}
      >
        {open && (status ?? `${options.length} ${options.length === 1 ? 'result' : 'results'}`)}
      </p>
    </div>
  )
}
