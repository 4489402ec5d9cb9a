import type { ReactNode } from 'react'
import { Link, usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import type { AdminNav } from '~/lib/admin/types'
import { urlFor } from '~/lib/client'
import { ThemeToggle } from '~/components/theme_toggle'
import { UserMenu } from '~/components/user_menu'
import { Toasts } from '~/components/toasts'
import { AdminSidebar } from '~/components/admin/admin_sidebar'

/**
 * The shell of the admin site: its own header, the registered models in a sidebar, the page, and
 * toasts for flash messages. Admin pages opt in with `Page.layout = AdminLayout`; the app's
 * default layout is only applied to pages that set none.
 */
export default function AdminLayout({ children }: { children: ReactNode }) {
  const { props, url } = usePage<Data.SharedProps & { nav?: AdminNav }>()

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-card focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-card">
        <div className="flex h-14 items-center gap-4 px-4 sm:px-6">
          <Link
            href={urlFor('admin.index')}
            className="font-semibold tracking-tight"
            data-test="admin-brand"
          >
            Atrium admin
          </Link>
          <div className="flex-1" />
          <Link
            href={urlFor('dashboard')}
            className="text-sm text-muted-foreground hover:text-foreground"
            data-test="admin-view-site"
          >
            View site
          </Link>
          <ThemeToggle />
          {props.user && <UserMenu user={props.user} />}
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        {props.nav && <AdminSidebar nav={props.nav} currentUrl={url} />}
        <main id="main" className="min-w-0 flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
      </div>
      <Toasts />
    </div>
  )
}
