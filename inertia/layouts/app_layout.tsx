import type { ReactNode } from 'react'
import { AppHeader } from '~/components/app_header'
import { Toasts } from '~/components/toasts'
import { VerificationBanner } from '~/components/verification_banner'

/** The shell around every page: header with navigation, main content, toasts for flash messages. */
export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-card focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <AppHeader />
      <VerificationBanner />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <Toasts />
    </div>
  )
}
