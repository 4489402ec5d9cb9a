import { useState } from 'react'
import { Head } from '@inertiajs/react'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Dialog, DialogClose } from '~/components/ui/dialog'
import { DropdownMenu, DropdownMenuItem, DropdownMenuLabel } from '~/components/ui/dropdown_menu'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { Table, Td, Th } from '~/components/ui/table'
import { NEW_TASK_STATUS, TASK_STATUSES } from '#shared/tasks'

/** Development only: every UI primitive on one page, to see and try them while building pages. */
export default function UiPrimitives() {
  const [status, setStatus] = useState<string>(NEW_TASK_STATUS)
  const [picked, setPicked] = useState<string | null>(null)
  const [confirmed, setConfirmed] = useState(false)

  return (
    <>
      <Head title="UI primitives" />
      <h1 className="text-2xl font-bold tracking-tight">UI primitives</h1>
      <p className="mt-1 text-muted-foreground">
        The building blocks of Atrium pages. This page exists in development only.
      </p>

      <section className="mt-8 space-y-3" aria-labelledby="buttons">
        <h2 id="buttons" className="text-lg font-semibold">
          Buttons and badges
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <Button>Primary</Button>
          <Button variant="secondary">Secondary</Button>
          <Button variant="ghost">Ghost</Button>
          <Button variant="danger">Danger</Button>
          <Button disabled>Disabled</Button>
          <Badge>neutral</Badge>
          <Badge tone="primary">primary</Badge>
          <Badge tone="danger">danger</Badge>
          <Badge tone="success">success</Badge>
        </div>
      </section>

      <section className="mt-8 grid max-w-xl gap-4 sm:grid-cols-2" aria-labelledby="fields">
        <h2 id="fields" className="text-lg font-semibold sm:col-span-2">
          Fields
        </h2>
        <div>
          <Label htmlFor="ui-title">Title</Label>
          <Input id="ui-title" className="mt-1" placeholder="Write the release notes" />
        </div>
        <div>
          <Label htmlFor="ui-status">Status</Label>
          <Select
            id="ui-status"
            className="mt-1"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            {TASK_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
        </div>
        <p className="text-sm text-muted-foreground sm:col-span-2" data-test="ui-status-value">
          Status: {status}
        </p>
      </section>

      <section className="mt-8 space-y-3" aria-labelledby="overlays">
        <h2 id="overlays" className="text-lg font-semibold">
          Dialog and dropdown menu
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <Dialog
            title="Delete this task?"
            description="The task and its comments are deleted for everyone."
            trigger={<Button variant="secondary">Open dialog</Button>}
          >
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <DialogClose asChild>
                <Button variant="danger" onClick={() => setConfirmed(true)}>
                  Delete
                </Button>
              </DialogClose>
            </div>
          </Dialog>
          <DropdownMenu trigger={<Button variant="secondary">Open menu</Button>}>
            <DropdownMenuLabel>Move to</DropdownMenuLabel>
            {TASK_STATUSES.map((value) => (
              <DropdownMenuItem key={value} onSelect={() => setPicked(value)}>
                {value}
              </DropdownMenuItem>
            ))}
          </DropdownMenu>
        </div>
        <p className="text-sm text-muted-foreground" data-test="ui-overlay-result">
          {[confirmed && 'Deleted.', picked && `Moved to ${picked}.`].filter(Boolean).join(' ')}
        </p>
      </section>

      <section className="mt-8 space-y-3" aria-labelledby="table">
        <h2 id="table" className="text-lg font-semibold">
          Table
        </h2>
        <Table>
          <thead>
            <tr>
              <Th>Task</Th>
              <Th>Status</Th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <Td>Write the release notes</Td>
              <Td>
                <Badge tone="primary">in_progress</Badge>
              </Td>
            </tr>
            <tr>
              <Td>Fix the login redirect</Td>
              <Td>
                <Badge>done</Badge>
              </Td>
            </tr>
          </tbody>
        </Table>
      </section>
    </>
  )
}
