import type { ReactNode } from 'react'
import { PageShell } from '~/components/page_shell'
import { GuestHeader } from '~/components/guest_header'

/**
 * The shell around a page seen by a visitor who is not logged in: the guest header (log in,
 * sign up), the page, toasts. It carries nothing of the signed-in app, so a guest's first load
 * stays small. `~/lib/pages` picks it for pages that set no layout of their own.
 */
export default function GuestLayout({ children }: { children: ReactNode }) {
  return <PageShell header={<GuestHeader />}>{children}</PageShell>
}
