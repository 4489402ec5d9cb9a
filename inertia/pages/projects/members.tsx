import type { FormEvent } from 'react'
import { router, useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { BoundFormField } from '~/components/form_field'
import { Table, Td, Th } from '~/components/ui/table'
import { ProjectHeader } from '~/components/project_header'
import { type PendingInvitation, PendingInvitations } from '~/components/pending_invitations'
import { PROJECT_ROLES, type ProjectRole } from '#shared/projects'

type MembersProps = {
  project: Data.Project
  members: Data.Member[]
  invitations: PendingInvitation[]
  canManage: boolean
  currentUserId: number
}

export default function Members({
  project,
  members,
  invitations,
  canManage,
  currentUserId,
}: MembersProps) {
  const form = useForm({ email: '', role: 'editor' as ProjectRole })

  function add(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('projects.members.store', { projectId: project.id }), {
      preserveScroll: true,
      onSuccess: () => form.reset('email'),
    })
  }

  function changeRole(memberId: number, role: string) {
    router.put(
      urlFor('projects.members.update', { projectId: project.id, id: memberId }),
      { role },
      { preserveScroll: true }
    )
  }

  function remove(memberId: number) {
    router.delete(urlFor('projects.members.destroy', { projectId: project.id, id: memberId }), {
      preserveScroll: true,
    })
  }

  return (
    <>
      <ProjectHeader project={project} section="members" canManage={project.role === 'owner'} />
      <div className="mt-6">
        <Table data-test="members-table">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id} data-test={`member-${member.email}`}>
                <Td>{member.fullName}</Td>
                <Td>{member.email}</Td>
                <Td>
                  {canManage ? (
                    <Select
                      aria-label={`Role of ${member.fullName}`}
                      value={member.role}
                      onChange={(event) => changeRole(member.id, event.target.value)}
                      className="w-32"
                    >
                      {PROJECT_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Badge tone={member.role === 'owner' ? 'primary' : 'neutral'}>
                      {member.role}
                    </Badge>
                  )}
                </Td>
                <Td className="text-right">
                  {member.id === currentUserId ? (
                    <Button variant="ghost" size="sm" onClick={() => remove(member.id)}>
                      Leave
                    </Button>
                  ) : (
                    canManage && (
                      <Button variant="ghost" size="sm" onClick={() => remove(member.id)}>
                        Remove
                      </Button>
                    )
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      {canManage && <PendingInvitations projectId={project.id} invitations={invitations} />}

      {canManage && (
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
              onChange={(event) =>
                form.setData('role', event.target.value as typeof form.data.role)
              }
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
      )}
    </>
  )
}
