import { router } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Select } from '~/components/ui/select'
import { AddMemberForm } from '~/components/add_member_form'
import { Table, Td, Th } from '~/components/ui/table'
import { ProjectHeader } from '~/components/project_header'
import { type PendingInvitation, PendingInvitations } from '~/components/pending_invitations'
import { PROJECT_ROLES } from '#shared/projects'

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

      {canManage && <AddMemberForm projectId={project.id} />}
    </>
  )
}
