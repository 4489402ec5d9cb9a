import { type FormEvent, useState } from 'react'
import { router } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import {
  FilterDate,
  FilterSelect,
  type FilterOption as Option,
} from '~/components/task_filter_inputs'
import {
  DEFAULT_TASK_SORT,
  TASK_SORTS,
  TASK_SORT_NAMES,
  TASK_STATUSES,
  TASK_STATUS_NAMES,
} from '#shared/tasks'

/** The filters and sort of the tasks list, as the server echoes them back. */
export type TaskFilters = {
  status: string | null
  assignee: string | null
  label: number | null
  dueBefore: string | null
  dueAfter: string | null
  q: string | null
  sort: string
}

const STATUS_OPTIONS: Option[] = TASK_STATUSES.map((status) => [status, TASK_STATUS_NAMES[status]])

const SORT_OPTIONS: Option[] = TASK_SORTS.map((sort) => [sort, TASK_SORT_NAMES[sort]])

type TaskFiltersProps = {
  url: string
  filters: TaskFilters
  members: { id: number; fullName: string }[]
  labels: Data.Label[]
}

/**
 * The filter bar of the tasks list. Every change becomes the URL's query string; only the list
 * reloads, and the scroll position stays.
 */
export function TaskFiltersBar({ url, filters, members, labels }: TaskFiltersProps) {
  const [q, setQ] = useState(filters.q ?? '')

  function apply(changes: Partial<Record<keyof TaskFilters, string | number | null>>) {
    const next: Record<string, string | number> = {}
    for (const [key, value] of Object.entries({ ...filters, q, ...changes })) {
      if (value !== null && value !== '' && !(key === 'sort' && value === DEFAULT_TASK_SORT))
        next[key] = value
    }
    router.get(url, next, {
      preserveState: true,
      preserveScroll: true,
      only: ['tasks', 'pagination', 'filters'],
    })
  }

  function search(event: FormEvent) {
    event.preventDefault()
    apply({})
  }

  return (
    <form
      onSubmit={search}
      className="mt-6 grid gap-3 sm:grid-cols-4 lg:grid-cols-8"
      data-test="task-filters"
    >
      <div className="sm:col-span-2">
        <Label htmlFor="q">Search</Label>
        <div className="mt-1 flex gap-2">
          <Input
            id="q"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            placeholder="Title or description"
          />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </div>
      </div>
      <FilterSelect
        id="status"
        label="Status"
        value={filters.status ?? ''}
        onChange={(value) => apply({ status: value })}
        options={[['', 'Any'], ...STATUS_OPTIONS]}
      />
      <FilterSelect
        id="assignee"
        label="Assignee"
        value={filters.assignee ?? ''}
        onChange={(value) => apply({ assignee: value })}
        options={[
          ['', 'Anyone'],
          ['none', 'Nobody'],
          ...members.map((member): Option => [String(member.id), member.fullName]),
        ]}
      />
      <FilterSelect
        id="label"
        label="Label"
        value={filters.label === null ? '' : String(filters.label)}
        onChange={(value) => apply({ label: value })}
        options={[['', 'Any'], ...labels.map((label): Option => [String(label.id), label.name])]}
      />
      <FilterDate
        id="dueAfter"
        label="Due after"
        value={filters.dueAfter}
        onChange={(value) => apply({ dueAfter: value })}
      />
      <FilterDate
        id="dueBefore"
        label="Due before"
        value={filters.dueBefore}
        onChange={(value) => apply({ dueBefore: value })}
      />
      <FilterSelect
        id="sort"
        label="Sort"
        value={filters.sort}
        onChange={(value) => apply({ sort: value })}
        options={SORT_OPTIONS}
      />
    </form>
  )
}
