import type { FormEvent } from 'react'
import { useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { BoundFormField } from '~/components/form_field'
import { PROJECT_ROLES, type ProjectRole } from '#shared/projects'

/**
 * The owner's form to add someone to a project by email, with a role (editor unless chosen):
 * an address without an account gets an invitation. The email clears once added.
 */
export function AddMemberForm({ projectId }: { projectId: number }) {
  const form = useForm({ email: '', role: 'editor' as ProjectRole })

  function add(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('projects.members.store', { projectId }), {
      preserveScroll: true,
      onSuccess: () => form.reset('email'),
    })
  }

  return (
    <form
      onSubmit={add}
      className="mt-8 grid max-w-xl gap-4 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
      noValidate
      data-test="add-member-form"
    >
      <BoundFormField
        form={form}
        name="email"
        label="Add a member by email"
        type="email"
        required
        hint="Someone without an account gets an invitation by mail."
      />
      <div>
        <Label htmlFor="role">Role</Label>
        <Select
          id="role"
          className="mt-1"
          value={form.data.role}
          onChange={(event) => form.setData('role', event.target.value as typeof form.data.role)}
        >
          {PROJECT_ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" disabled={form.processing}>
        Add
      </Button>
    </form>
  )
}
