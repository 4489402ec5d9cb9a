import { type FormEvent, useState } from 'react'
import { router } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'

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
      if (value !== null && value !== '' && !(key === 'sort' && value === 'updated'))
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
      <div>
        <Label htmlFor="status">Status</Label>
        <Select
          id="status"
          className="mt-1"
          value={filters.status ?? ''}
          onChange={(e) => apply({ status: e.target.value })}
        >
          <option value="">Any</option>
          <option value="todo">To do</option>
          <option value="in_progress">In progress</option>
          <option value="done">Done</option>
        </Select>
      </div>
      <div>
        <Label htmlFor="assignee">Assignee</Label>
        <Select
          id="assignee"
          className="mt-1"
          value={filters.assignee ?? ''}
          onChange={(e) => apply({ assignee: e.target.value })}
        >
          <option value="">Anyone</option>
          <option value="none">Nobody</option>
          {members.map((member) => (
            <option key={member.id} value={String(member.id)}>
              {member.fullName}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="label">Label</Label>
        <Select
          id="label"
          className="mt-1"
          value={filters.label ?? ''}
          onChange={(e) => apply({ label: e.target.value })}
        >
          <option value="">Any</option>
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="dueAfter">Due after</Label>
        <Input
          id="dueAfter"
          type="date"
          className="mt-1"
          value={filters.dueAfter ?? ''}
          onChange={(e) => apply({ dueAfter: e.target.value })}
        />
      </div>
      <div>
        <Label htmlFor="dueBefore">Due before</Label>
        <Input
          id="dueBefore"
          type="date"
          className="mt-1"
          value={filters.dueBefore ?? ''}
          onChange={(e) => apply({ dueBefore: e.target.value })}
        />
      </div>
      <div>
        <Label htmlFor="sort">Sort</Label>
        <Select
          id="sort"
          className="mt-1"
          value={filters.sort}
          onChange={(e) => apply({ sort: e.target.value })}
        >
          <option value="updated">Recently updated</option>
          <option value="due">Due date</option>
          <option value="priority">Priority</option>
        </Select>
      </div>
    </form>
  )
}
