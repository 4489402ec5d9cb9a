import type { ReactNode } from 'react'
import { usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { PageShell } from '~/components/page_shell'
import { AppHeader } from '~/components/app_header'
import { GuestHeader } from '~/components/guest_header'
import { VerificationBanner } from '~/components/verification_banner'

/**
 * The shell around a page seen by a logged-in user: header with the navigation and the account
 * menu, the email verification reminder, the page, toasts. `~/lib/pages` picks it for pages that
 * set no layout of their own when someone is logged in (and it falls back to the guest header).
 */
export default function AppLayout({ children }: { children: ReactNode }) {
  const { user } = usePage<Data.SharedProps>().props
  const header = user ? (
    <>
      <AppHeader user={user} />
      <VerificationBanner />
    </>
  ) : (
    <GuestHeader />
  )

  return <PageShell header={header}>{children}</PageShell>
}
