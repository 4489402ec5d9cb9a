import type { FormEvent } from 'react'
import { useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Label } from '~/components/ui/label'
import { fieldClasses } from '~/components/ui/input'
import { BoundFormField } from '~/components/form_field'
import { InputError } from '~/components/input_error'
import { TaskConflictPanel } from '~/components/task_conflict_panel'
import { TaskFieldInputs } from '~/components/task_field_inputs'
import type { TaskValues } from '~/lib/task_values'

type TaskEditFormProps = {
  projectId: number
  /** The task as loaded: the form starts from these values and this version. */
  task: TaskValues & { id: number; version: number }
  /** What someone else saved, after this form's save was refused as stale. */
  conflict: (TaskValues & { version: number }) | null
  members: { id: number; fullName: string }[]
  labels: Data.Label[]
  /** Called once a save went through (not when it was refused as stale). */
  onSaved: () => void
  onCancel: () => void
}

/**
 * Every field of a task in one form, focused on the title when it opens. A save sends the version
 * the form started from: if someone saved meanwhile, nothing changes and the conflict panel shows
 * both sides above the form, which keeps this person's values.
 */
export function TaskEditForm({
  projectId,
  task,
  conflict,
  members,
  labels,
  onSaved,
  onCancel,
}: TaskEditFormProps) {
  const form = useForm({
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    assigneeId: task.assigneeId,
    dueOn: task.dueOn,
    labelIds: task.labelIds,
    version: task.version,
  })

  function save(event: FormEvent) {
    event.preventDefault()
    form.put(urlFor('projects.tasks.update', { projectId, id: task.id }), {
      preserveScroll: true,
      onSuccess: (page) => {
        if (!page.props.conflict) onSaved()
      },
    })
  }

  return (
    <div className="space-y-4">
      {conflict && (
        <TaskConflictPanel
          mine={form.data}
          theirs={conflict}
          members={members}
          labels={labels}
          onTakeTheirs={(field, value) => form.setData((data) => ({ ...data, [field]: value }))}
          onKeepMine={(version) => form.setData('version', version)}
        />
      )}
      <form
        onSubmit={save}
        aria-label="Edit task"
        className="space-y-4 rounded-lg border border-border bg-card p-4 sm:p-6"
        noValidate
        data-test="task-edit-form"
      >
        <BoundFormField form={form} name="title" label="Title" required autoFocus />
        <div>
          <Label htmlFor="description">Description</Label>
          <textarea
            id="description"
            rows={6}
            value={form.data.description}
            onChange={(event) => form.setData('description', event.target.value)}
            aria-invalid={Boolean(form.errors.description)}
            aria-describedby={form.errors.description ? 'description-error' : undefined}
            className={`mt-1 ${fieldClasses}`}
          />
          <InputError id="description-error" message={form.errors.description} />
        </div>
        <TaskFieldInputs
          idPrefix=""
          values={form.data}
          errors={form.errors}
          onChange={(field, value) => form.setData((data) => ({ ...data, [field]: value }))}
          members={members}
          labels={labels}
        />
        <div className="flex gap-2 border-t border-border pt-4">
          <Button type="submit" disabled={form.processing} data-test="save-task">
            Save
          </Button>
          <Button variant="ghost" onClick={onCancel} data-test="cancel-edit">
            Cancel
          </Button>
        </div>
      </form>
    </div>
  )
}
