import { router } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Moment } from '~/components/moment'

/** An invitation mailed to an address without an account, not yet accepted. */
export type PendingInvitation = { id: number; email: string; role: string; expiresAt: string }

/** A project's open invitations, each with a button that revokes it. */
export function PendingInvitations({
  projectId,
  invitations,
}: {
  projectId: number
  invitations: PendingInvitation[]
}) {
  if (invitations.length === 0) return null

  return (
    <section aria-labelledby="invitations" className="mt-8">
      <h2 id="invitations" className="font-semibold">
        Invitations waiting for an answer
      </h2>
      <ul className="mt-2 divide-y divide-border rounded-lg border border-border text-sm">
        {invitations.map((invitation) => (
          <li
            key={invitation.id}
            className="flex items-center justify-between gap-3 px-3 py-2"
            data-test={`invitation-${invitation.email}`}
          >
            <span>
              {invitation.email} · {invitation.role} · link works until{' '}
              <Moment iso={invitation.expiresAt} />
            </span>
            <Button
              variant="ghost"
              size="sm"
              onClick={() =>
                router.delete(
                  urlFor('projects.invitations.destroy', { projectId, id: invitation.id }),
                  { preserveScroll: true }
                )
              }
            >
              Revoke
            </Button>
          </li>
        ))}
      </ul>
    </section>
  )
}
