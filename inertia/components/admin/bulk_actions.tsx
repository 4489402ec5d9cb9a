import { type FormEvent, useState } from 'react'
import { router } from '@inertiajs/react'
import type { AdminAction } from '~/lib/admin/types'
import { Button } from '~/components/ui/button'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'

type BulkActionsProps = {
  actions: AdminAction[]
  actionUrl: string
  selected: string[]
  total: number
  onDone: () => void
}

/** Runs an action on the selected rows: POSTs `{ action, ids }` to the list's action URL. */
export function BulkActions({ actions, actionUrl, selected, total, onDone }: BulkActionsProps) {
  const [action, setAction] = useState(actions[0]?.name ?? '')
  const [processing, setProcessing] = useState(false)

  function submit(event: FormEvent) {
    event.preventDefault()
    router.post(
      actionUrl,
      { action, ids: selected },
      {
        preserveScroll: true,
        onStart: () => setProcessing(true),
        onFinish: () => setProcessing(false),
        onSuccess: onDone,
      }
    )
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2" data-test="admin-actions">
      <Label htmlFor="admin-action" className="text-sm">
        Action
      </Label>
      <div className="w-64">
        <Select
          id="admin-action"
          value={action}
          onChange={(event) => setAction(event.target.value)}
          data-test="admin-action-select"
        >
          {actions.map((choice) => (
            <option key={choice.name} value={choice.name}>
              {choice.label}
            </option>
          ))}
        </Select>
      </div>
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={selected.length === 0 || !action || processing}
        data-test="admin-action-go"
      >
        Go
      </Button>
      <span
        className="text-sm text-muted-foreground"
        aria-live="polite"
        data-test="admin-selected-count"
      >
        {selected.length} of {total} selected
      </span>
    </form>
  )
}
