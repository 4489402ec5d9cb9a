import type { FormEvent } from 'react'
import { router, useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Dialog } from '~/components/ui/dialog'
import { BoundFormField } from '~/components/form_field'
import { ProjectHeader } from '~/components/project_header'
import { ProjectDescriptionField } from '~/components/project_description_field'

type ProjectSettingsProps = { project: Data.Project }

export default function ProjectSettings({ project }: ProjectSettingsProps) {
  const form = useForm({ name: project.name, description: project.description })
  const removal = useForm({ confirmation: '' })

  function save(event: FormEvent) {
    event.preventDefault()
    form.put(urlFor('projects.update', { projectId: project.id }), { preserveScroll: true })
  }

  function remove(event: FormEvent) {
    event.preventDefault()
    removal.delete(urlFor('projects.destroy', { projectId: project.id }))
  }

  return (
    <>
      <ProjectHeader project={project} section="settings" canManage />
      <form onSubmit={save} className="mt-6 max-w-xl space-y-4" noValidate data-test="project-form">
        <BoundFormField form={form} name="name" label="Name" required />
        <ProjectDescriptionField
          value={form.data.description}
          onChange={(value) => form.setData('description', value)}
          error={form.errors.description}
        />
        <Button type="submit" disabled={form.processing || !form.isDirty}>
          Save
        </Button>
      </form>

      <section className="mt-10 max-w-xl space-y-3" aria-labelledby="archive-title">
        <h2 id="archive-title" className="text-lg font-semibold">
          {project.archived ? 'Restore' : 'Archive'}
        </h2>
        <p className="text-sm text-muted-foreground">
          {project.archived
            ? 'Restoring lets editors change tasks, labels and comments again.'
            : 'An archived project stays readable, but nobody can change it until it is restored.'}
        </p>
        <Button
          variant="secondary"
          data-test="toggle-archive"
          onClick={() => router.post(urlFor('projects.toggle_archive', { projectId: project.id }))}
        >
          {project.archived ? 'Restore project' : 'Archive project'}
        </Button>
      </section>

      <section className="mt-10 max-w-xl space-y-3" aria-labelledby="delete-title">
        <h2 id="delete-title" className="text-lg font-semibold">
          Delete
        </h2>
        <p className="text-sm text-muted-foreground">
          Deleting removes the project with all its tasks, labels and comments for every member.
        </p>
        <Dialog
          title="Delete this project?"
          description={`Type "${project.name}" to confirm. This cannot be undone.`}
          trigger={
            <Button variant="danger" data-test="delete-project">
              Delete project
            </Button>
          }
        >
          <form onSubmit={remove} className="space-y-4" noValidate>
            <BoundFormField form={removal} name="confirmation" label="Project name" required />
            <Button type="submit" variant="danger" disabled={removal.processing}>
              Delete for everyone
            </Button>
          </form>
        </Dialog>
      </section>
    </>
  )
}
