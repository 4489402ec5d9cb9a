import { Link, router } from '@inertiajs/react'
import type { AdminChoice, AdminFilter } from '~/lib/admin/types'
import { listUrl } from '~/lib/admin/urls'
import { LookupInput } from '~/components/admin/lookup_input'
import { cn } from '~/lib/cn'
import { inSentence } from '~/lib/admin/words'

type FilterProps<Kind extends AdminFilter['kind']> = {
  filter: Extract<AdminFilter, { kind: Kind }>
  hrefWith: (value: string | null) => string
}

/** One link of a choices filter; the one in force is marked. */
function FilterLink({ href, label, current }: { href: string; label: string; current: boolean }) {
  return (
    <li>
      <Link
        href={href}
        preserveState
        preserveScroll
        aria-current={current ? 'true' : undefined}
        className={cn(
          'block rounded px-2 py-1 text-sm',
          current ? 'bg-muted font-medium text-foreground' : 'text-muted-foreground hover:bg-muted'
        )}
      >
        {label}
      </Link>
    </li>
  )
}

/** A filter with a fixed set of choices: "All" first, then each choice as a link. */
function ChoicesFilter({ filter, hrefWith }: FilterProps<'choices'>) {
  return (
    <ul className="mt-1 space-y-0.5">
      <FilterLink href={hrefWith(null)} label="All" current={filter.selected === null} />
      {filter.choices.map((choice) => (
        <FilterLink
          key={choice.value}
          href={hrefWith(choice.value)}
          label={choice.label}
          current={filter.selected === choice.value}
        />
      ))}
    </ul>
  )
}

/** A filter on a related model: search it, pick one; the one in force can be cleared. */
function RelationFilter({ filter, hrefWith }: FilterProps<'relation'>) {
  const id = `admin-filter-${filter.param}-input`
  const pick = (choice: AdminChoice) =>
    router.get(hrefWith(choice.value), {}, { preserveState: true, preserveScroll: true })

  return (
    <div className="mt-1 space-y-2 px-2">
      {filter.selected && (
        <p className="flex items-center justify-between gap-2 text-sm">
          <span className="font-medium">{filter.selected.label}</span>
          <Link
            href={hrefWith(null)}
            preserveState
            preserveScroll
            aria-label={`Clear the ${filter.label} filter`}
            className="text-muted-foreground hover:text-foreground hover:underline"
          >
            Clear
          </Link>
        </p>
      )}
      <LookupInput
        id={id}
        lookupUrl={filter.lookupUrl}
        onPick={pick}
        aria-label={`Filter by ${filter.label}`}
        placeholder="Search"
        data-test={id}
      />
    </div>
  )
}

type ChangeListFiltersProps = {
  filters: AdminFilter[]
  url: string
  params: Record<string, string>
}

/** The side panel of filters. Changing one keeps the others and starts again from page one. */
export function ChangeListFilters({ filters, url, params }: ChangeListFiltersProps) {
  return (
    <aside aria-label="Filters" className="space-y-5 rounded-lg border border-border bg-card p-3">
      <h2 className="px-2 text-sm font-semibold">Filter</h2>
      {filters.map((filter) => {
        const hrefWith = (value: string | null) =>
          listUrl(url, params, { [filter.param]: value, page: null })
        return (
          <section
            key={filter.param}
            aria-labelledby={`admin-filter-${filter.param}-title`}
            data-test={`admin-filter-${filter.param}`}
          >
            <h3
              id={`admin-filter-${filter.param}-title`}
              className="px-2 text-xs font-semibold text-muted-foreground"
            >
              By {inSentence(filter.label)}
            </h3>
            {filter.kind === 'choices' ? (
              <ChoicesFilter filter={filter} hrefWith={hrefWith} />
            ) : (
              <RelationFilter filter={filter} hrefWith={hrefWith} />
            )}
          </section>
        )
      })}
    </aside>
  )
}
