import { useState } from 'react'
import { Head, Link, router, usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/guest_client'
import { Button, buttonClasses } from '~/components/ui/button'
import { StatusPage } from '~/components/status_page'
import { Moment } from '~/components/moment'

type InvitationProps = {
  invitation: {
    token: string
    email: string
    role: string
    projectName: string
    inviter: string | null
    expiresAt: string
  } | null
  refusal: string | null
  guest: boolean
}

/**
 * The page a mailed invitation links to: who invites whom to what, and the one next step —
 * sign up or log in with the invited address, or accept.
 */
export default function Invitation({ invitation, refusal, guest }: InvitationProps) {
  const user = usePage<Data.SharedProps>().props.user
  const [accepting, setAccepting] = useState(false)
  if (!invitation) {
    return (
      <StatusPage
        status={404}
        title="Invitation not found"
        message="This invitation link is invalid, was revoked, or has expired. Ask the project's owner for a new one."
      />
    )
  }

  const signupUrl = `${urlFor('signup.create')}?email=${encodeURIComponent(invitation.email)}`
  return (
    <>
      <Head title={`Join ${invitation.projectName}`} />
      <section className="mx-auto max-w-md py-12" data-test="invitation">
        <h1 className="text-2xl font-bold tracking-tight">Join {invitation.projectName}</h1>
        <p className="mt-3 text-muted-foreground">
          {invitation.inviter ?? 'A project owner'} invited <strong>{invitation.email}</strong> to
          this project as {invitation.role}. The link works until{' '}
          <Moment iso={invitation.expiresAt} />.
        </p>

        {guest && (
          <div className="mt-6 flex gap-3">
            <Link href={signupUrl} className={buttonClasses('primary')}>
              Create an account
            </Link>
            <Link href={urlFor('session.create')} className={buttonClasses('secondary')}>
              Log in
            </Link>
          </div>
        )}

        {user && refusal && (
          <p role="alert" className="mt-6 text-sm text-danger" data-test="invitation-refusal">
            {refusal} You are logged in as {user.email}.
          </p>
        )}

        {user && !refusal && (
          <Button
            className="mt-6"
            disabled={accepting}
            onClick={() =>
              router.post(
                urlFor('invitations.accept', { token: invitation.token }),
                {},
                { onStart: () => setAccepting(true), onFinish: () => setAccepting(false) }
              )
            }
          >
            Accept and join
          </Button>
        )}
      </section>
    </>
  )
}
