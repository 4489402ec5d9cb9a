import { router, usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

/** Reminds a logged-in user whose email is not verified, with a button to send the link again. */
export function VerificationBanner() {
  const { user } = usePage<Data.SharedProps>().props
  if (!user || user.emailVerified) return null

  return (
    <div
      role="status"
      data-test="verification-banner"
      className="border-b border-border bg-muted px-4 py-2 text-center text-sm"
    >
      Please verify your email address ({user.email}).{' '}
      <button
        type="button"
        className="font-medium text-primary underline underline-offset-2"
        onClick={() => router.post(urlFor('verification.send'), {}, { preserveScroll: true })}
      >
        Send the link again
      </button>
    </div>
  )
}
