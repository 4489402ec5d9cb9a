import { Link } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import type { CurrentUser } from '~/types'
import { UserMenu } from '~/components/user_menu'
import { ThemeToggle } from '~/components/theme_toggle'
import { userResourceLinks } from '~/lib/resource_links'

/** The top bar of a logged-in user: brand, main navigation, theme toggle and the account menu. */
export function AppHeader({ user }: { user: NonNullable<CurrentUser> }) {
  return (
    <header className="border-b border-border bg-card">
      <nav
        aria-label="Main"
        className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4 sm:px-6"
      >
        <Link href={urlFor('home')} className="font-semibold tracking-tight" data-test="brand">
          Atrium
        </Link>
        <Link
          href={urlFor('dashboard')}
          className="text-sm text-muted-foreground hover:text-foreground"
        >
          Dashboard
        </Link>
        <Link
          href={urlFor('projects.index')}
          className="text-sm text-muted-foreground hover:text-foreground"
        >
          Projects
        </Link>
        {userResourceLinks.map((link) => (
          <Link
            key={link.key}
            href={link.href()}
            className="text-sm text-muted-foreground hover:text-foreground"
          >
            {link.label}
          </Link>
        ))}
        <div className="flex-1" />
        <ThemeToggle />
        <UserMenu user={user} />
      </nav>
    </header>
  )
}
