import type { FormEvent } from 'react'
import { useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Dialog } from '~/components/ui/dialog'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { FormField } from '~/components/form_field'
import { InputError } from '~/components/input_error'

type NewTaskDialogProps = {
  projectId: number
  members: { id: number; fullName: string }[]
  labels: Data.Label[]
}

/** "New task": a dialog with the task's fields; the list reloads with the task in it. */
export function NewTaskDialog({ projectId, members, labels }: NewTaskDialogProps) {
  const form = useForm({
    title: '',
    status: 'todo',
    priority: 0,
    assigneeId: null as number | null,
    dueOn: null as string | null,
    labelIds: [] as number[],
  })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('projects.tasks.store', { projectId }), {
      preserveScroll: true,
      onSuccess: () => form.reset(),
    })
  }

  return (
    <Dialog title="New task" trigger={<Button data-test="new-task">New task</Button>}>
      <form onSubmit={submit} className="space-y-4" noValidate data-test="task-form">
        <FormField
          id="title"
          label="Title"
          required
          autoFocus
          value={form.data.title}
          onChange={(value) => form.setData('title', value)}
          error={form.errors.title}
        />
        <div className="grid grid-cols-2 gap-3">
          <div>
            <Label htmlFor="task-status">Status</Label>
            <Select
              id="task-status"
              className="mt-1"
              value={form.data.status}
              onChange={(e) => form.setData('status', e.target.value)}
            >
              <option value="todo">To do</option>
              <option value="in_progress">In progress</option>
              <option value="done">Done</option>
            </Select>
            <InputError id="task-status-error" message={form.errors.status} />
          </div>
          <div>
            <Label htmlFor="task-priority">Priority</Label>
            <Select
              id="task-priority"
              className="mt-1"
              value={form.data.priority}
              onChange={(e) => form.setData('priority', Number(e.target.value))}
            >
              <option value={0}>None</option>
              <option value={1}>Low</option>
              <option value={2}>Medium</option>
              <option value={3}>High</option>
            </Select>
            <InputError id="task-priority-error" message={form.errors.priority} />
          </div>
          <div>
            <Label htmlFor="task-assignee">Assignee</Label>
            <Select
              id="task-assignee"
              className="mt-1"
              value={form.data.assigneeId ?? ''}
              onChange={(e) =>
                form.setData('assigneeId', e.target.value ? Number(e.target.value) : null)
              }
            >
              <option value="">Nobody</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.fullName}
                </option>
              ))}
            </Select>
            <InputError id="task-assignee-error" message={form.errors.assigneeId} />
          </div>
          <div>
            <Label htmlFor="task-due">Due on</Label>
            <Input
              id="task-due"
              type="date"
              className="mt-1"
              value={form.data.dueOn ?? ''}
              onChange={(e) => form.setData('dueOn', e.target.value || null)}
            />
            <InputError id="task-due-error" message={form.errors.dueOn} />
          </div>
        </div>
        {labels.length > 0 && (
          <fieldset>
            <legend className="text-sm font-medium">Labels</legend>
            <div className="mt-2 flex flex-wrap gap-3">
              {labels.map((label) => (
                <label key={label.id} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    checked={form.data.labelIds.includes(label.id)}
                    onChange={(e) =>
                      form.setData(
                        'labelIds',
                        e.target.checked
                          ? [...form.data.labelIds, label.id]
                          : form.data.labelIds.filter((id) => id !== label.id)
                      )
                    }
                  />
                  {label.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <Button type="submit" disabled={form.processing}>
          Create task
        </Button>
      </form>
    </Dialog>
  )
}
