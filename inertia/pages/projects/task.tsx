import type { FormEvent } from 'react'
import { Link, useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { FormField } from '~/components/form_field'
import { Label } from '~/components/ui/label'
import { TaskFieldInputs } from '~/components/task_field_inputs'
import { InputError } from '~/components/input_error'
import { TaskHistory } from '~/components/task_history'
import { TaskComments, type TaskComment } from '~/components/task_comments'
import { ProjectHeader } from '~/components/project_header'
import { fieldClasses } from '~/components/ui/input'
import { PRIORITY_NAMES, statusName } from '~/lib/task_names'

/** A value the activity record keeps for one field. */
type RecordedValue = string | number | boolean | null | number[]

type TaskValues = {
  title: string
  description: string
  status: string
  priority: number
  assigneeId: number | null
  dueOn: string | null
  labelIds: number[]
}

type TaskProps = {
  project: Data.Project
  task: TaskValues & { id: number; version: number }
  conflict: (TaskValues & { version: number }) | null
  members: { id: number; fullName: string }[]
  labels: Data.Label[]
  history: {
    id: number
    action: 'created' | 'updated' | 'deleted'
    actor: string | null
    at: string
    changes: Record<string, [RecordedValue, RecordedValue]>
  }[]
  comments: TaskComment[]
  commentsTotal: number
  canEdit: boolean
}

const FIELD_NAMES: Record<keyof TaskValues, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  assigneeId: 'Assignee',
  dueOn: 'Due on',
  labelIds: 'Labels',
}

export default function TaskPage({
  project,
  task,
  conflict,
  members,
  labels,
  history,
  comments,
  commentsTotal,
  canEdit,
}: TaskProps) {
  const { id, version, ...values } = task
  const form = useForm({ ...values, version })
  const differing = conflict
    ? (Object.keys(FIELD_NAMES) as (keyof TaskValues)[]).filter(
        (field) => JSON.stringify(conflict[field]) !== JSON.stringify(form.data[field])
      )
    : []

  function describe(field: keyof TaskValues, value: unknown): string {
    if (field === 'assigneeId') return members.find((m) => m.id === value)?.fullName ?? 'Nobody'
    if (field === 'status') return statusName(String(value))
    if (field === 'priority') return PRIORITY_NAMES[Number(value)] ?? String(value)
    if (field === 'labelIds') {
      return (
        (value as number[])
          .map((labelId) => labels.find((l) => l.id === labelId)?.name)
          .join(', ') || 'None'
      )
    }
    return value === null || value === '' ? '—' : String(value)
  }

  function save(event: FormEvent) {
    event.preventDefault()
    form.put(urlFor('projects.tasks.update', { projectId: project.id, id }), {
      preserveScroll: true,
    })
  }

  return (
    <>
      <ProjectHeader project={project} section="tasks" canManage={project.role === 'owner'} />
      <p className="mt-4 text-sm">
        <Link
          href={urlFor('projects.tasks.index', { projectId: project.id })}
          className="text-primary hover:underline"
        >
          ← All tasks
        </Link>
      </p>

      {conflict && differing.length > 0 && (
        <section
          role="alert"
          className="mt-4 rounded-lg border border-danger/40 p-4"
          data-test="conflict"
        >
          <h2 className="font-semibold">Someone else saved this task while you were editing it</h2>
          <p className="mt-1 text-sm text-muted-foreground">
            For each field, keep your value or take theirs, then save again.
          </p>
          <ul className="mt-3 space-y-2 text-sm">
            {differing.map((field) => (
              <li
                key={field}
                className="flex flex-wrap items-center gap-3"
                data-test={`conflict-${field}`}
              >
                <span className="w-24 font-medium">{FIELD_NAMES[field]}</span>
                <span>Yours: {describe(field, form.data[field])}</span>
                <span>Theirs: {describe(field, conflict[field])}</span>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => form.setData(field, conflict[field] as never)}
                >
                  Take theirs
                </Button>
              </li>
            ))}
          </ul>
          <Button
            className="mt-3"
            size="sm"
            onClick={() => form.setData('version', conflict.version)}
            data-test="keep-mine"
          >
            Keep the rest of mine
          </Button>
        </section>
      )}

      <div className="mt-6 grid gap-8 lg:grid-cols-[2fr_1fr]">
        <form onSubmit={save} className="space-y-4" noValidate data-test="task-edit-form">
          <fieldset disabled={!canEdit} className="space-y-4">
            <FormField
              id="title"
              label="Title"
              required
              value={form.data.title}
              onChange={(value) => form.setData('title', value)}
              error={form.errors.title}
            />
            <div>
              <Label htmlFor="description">Description</Label>
              <textarea
                id="description"
                rows={5}
                value={form.data.description}
                onChange={(event) => form.setData('description', event.target.value)}
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
          </fieldset>
          {canEdit && (
            <Button type="submit" disabled={form.processing} data-test="save-task">
              Save
            </Button>
          )}
        </form>
        <section aria-labelledby="comments-title" className="lg:col-start-1">
          <h2 id="comments-title" className="text-lg font-semibold">
            Comments
          </h2>
          {commentsTotal > comments.length && (
            <p className="mt-2 text-sm text-muted-foreground" data-test="older-comments">
              Showing the latest {comments.length} of {commentsTotal}.{' '}
              <Link
                href={`${urlFor('projects.tasks.show', { projectId: project.id, id })}?comments=all`}
                preserveScroll
                only={['comments', 'commentsTotal']}
                className="text-primary hover:underline"
              >
                Show all
              </Link>
            </p>
          )}
          <div className="mt-3">
            <TaskComments
              projectId={project.id}
              taskId={id}
              comments={comments}
              canComment={canEdit}
            />
          </div>
        </section>
        <section
          aria-labelledby="history-title"
          className="lg:col-start-2 lg:row-start-1 lg:row-span-2"
        >
          <h2 id="history-title" className="text-lg font-semibold">
            History
          </h2>
          <div className="mt-3">
            <TaskHistory entries={history} />
          </div>
        </section>
      </div>
    </>
  )
}
