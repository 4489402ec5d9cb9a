import { type FormEvent, useState } from 'react'
import { router, useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { BoundFormField } from '~/components/form_field'
import { InputError } from '~/components/input_error'
import { ProjectHeader } from '~/components/project_header'

type LabelsProps = { project: Data.Project; labels: Data.Label[]; canEdit: boolean }

/** One label: its colour swatch and name, editable in place by editors. */
function LabelRow({
  project,
  label,
  canEdit,
}: {
  project: Data.Project
  label: Data.Label
  canEdit: boolean
}) {
  const [editing, setEditing] = useState(false)
  const form = useForm({ name: label.name, color: label.color })

  function save(event: FormEvent) {
    event.preventDefault()
    form.put(urlFor('projects.labels.update', { projectId: project.id, id: label.id }), {
      preserveScroll: true,
      onSuccess: () => setEditing(false),
    })
  }

  if (editing) {
    return (
      <li className="py-2">
        <form onSubmit={save} className="flex flex-wrap items-center gap-2" noValidate>
          <input
            type="color"
            aria-label={`Colour of ${label.name}`}
            value={form.data.color}
            onChange={(event) => form.setData('color', event.target.value)}
            className="h-9 w-12 rounded border border-border"
          />
          <Input
            aria-label="Label name"
            value={form.data.name}
            onChange={(event) => form.setData('name', event.target.value)}
            className="w-48"
          />
          <Button type="submit" size="sm" disabled={form.processing}>
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </form>
        <InputError
          id={`label-${label.id}-error`}
          message={form.errors.name ?? form.errors.color}
        />
      </li>
    )
  }

  return (
    <li className="flex items-center gap-3 py-2" data-test={`label-${label.name}`}>
      <span
        aria-hidden="true"
        className="h-4 w-4 rounded-full border border-border"
        style={{ backgroundColor: label.color }}
      />
      <span className="flex-1">{label.name}</span>
      {canEdit && (
        <>
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() =>
              router.delete(
                urlFor('projects.labels.destroy', { projectId: project.id, id: label.id }),
                { preserveScroll: true }
              )
            }
          >
            Delete
          </Button>
        </>
      )}
    </li>
  )
}

export default function Labels({ project, labels, canEdit }: LabelsProps) {
  const form = useForm({ name: '', color: '#3b82f6' })

  function create(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('projects.labels.store', { projectId: project.id }), {
      preserveScroll: true,
      onSuccess: () => form.reset('name'),
    })
  }

  return (
    <>
      <ProjectHeader project={project} section="labels" canManage={project.role === 'owner'} />
      {labels.length === 0 ? (
        <p className="mt-6 text-muted-foreground">No labels yet.</p>
      ) : (
        <ul className="mt-4 max-w-xl divide-y divide-border" data-test="labels-list">
          {labels.map((label) => (
            <LabelRow key={label.id} project={project} label={label} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {canEdit && (
        <form
          onSubmit={create}
          className="mt-6 flex max-w-xl flex-wrap items-end gap-3"
          noValidate
          data-test="label-form"
        >
          <div className="flex-1">
            <BoundFormField form={form} name="name" label="New label" required />
          </div>
          <input
            type="color"
            aria-label="Colour"
            value={form.data.color}
            onChange={(event) => form.setData('color', event.target.value)}
            className="h-10 w-12 rounded border border-border"
          />
          <Button type="submit" disabled={form.processing}>
            Add label
          </Button>
        </form>
      )}
    </>
  )
}
