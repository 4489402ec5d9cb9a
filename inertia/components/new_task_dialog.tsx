import { type FormEvent, useState } from 'react'
import { useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Dialog } from '~/components/ui/dialog'
import { BoundFormField } from '~/components/form_field'
import { TaskFieldInputs } from '~/components/task_field_inputs'
import { NEW_TASK_STATUS } from '#shared/tasks'

type NewTaskDialogProps = {
  projectId: number
  members: { id: number; fullName: string }[]
  labels: Data.Label[]
}

/**
 * "New task": a dialog with the task's fields. Once created it closes and the list reloads with
 * the task in it; with errors it stays open and shows them.
 */
export function NewTaskDialog({ projectId, members, labels }: NewTaskDialogProps) {
  const [open, setOpen] = useState(false)
  const form = useForm({
    title: '',
    status: NEW_TASK_STATUS,
    priority: 0,
    assigneeId: null as number | null,
    dueOn: null as string | null,
    labelIds: [] as number[],
  })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('projects.tasks.store', { projectId }), {
      preserveScroll: true,
      onSuccess: () => {
        form.reset()
        setOpen(false)
      },
    })
  }

  return (
    <Dialog
      title="New task"
      open={open}
      onOpenChange={setOpen}
      trigger={<Button data-test="new-task">New task</Button>}
    >
      <form onSubmit={submit} className="space-y-4" noValidate data-test="task-form">
        <BoundFormField form={form} name="title" label="Title" required autoFocus />
        <TaskFieldInputs
          idPrefix="task-"
          values={form.data}
          errors={form.errors}
          onChange={(field, value) => form.setData((data) => ({ ...data, [field]: value }))}
          members={members}
          labels={labels}
        />
        <Button type="submit" disabled={form.processing}>
          Create task
        </Button>
      </form>
    </Dialog>
  )
}
