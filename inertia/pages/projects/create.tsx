import type { FormEvent } from 'react'
import { Head, useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { BoundFormField } from '~/components/form_field'
import { ProjectDescriptionField } from '~/components/project_description_field'

export default function CreateProject() {
  const form = useForm({ name: '', description: '' })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('projects.store'))
  }

  return (
    <>
      <Head title="New project" />
      <h1 className="text-2xl font-bold tracking-tight">New project</h1>
      <form
        onSubmit={submit}
        className="mt-6 max-w-xl space-y-4"
        noValidate
        data-test="project-form"
      >
        <BoundFormField form={form} name="name" label="Name" required autoFocus />
        <ProjectDescriptionField
          value={form.data.description}
          onChange={(value) => form.setData('description', value)}
          error={form.errors.description}
        />
        <Button type="submit" disabled={form.processing}>
          Create project
        </Button>
      </form>
    </>
  )
}
