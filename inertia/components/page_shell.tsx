import type { ReactNode } from 'react'
import { Toasts } from '~/components/toasts'

/**
 * What the site's layouts share: a skip link, the layout's header, the page as the main content,
 * and toasts for flash messages.
 */
export function PageShell({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-card focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {header}
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <Toasts />
    </div>
  )
}
