import { Link, usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { UserMenu } from '~/components/user_menu'
import { ThemeToggle } from '~/components/theme_toggle'
import { buttonClasses } from '~/components/ui/button'
import { userResourceLinks } from '~/lib/resource_links'

/** The top bar: brand, main navigation, theme toggle and the user menu (or a login link). */
export function AppHeader() {
  const { props } = usePage<Data.SharedProps>()
  const user = props.user

  return (
    <header className="border-b border-border bg-card">
      <nav
        aria-label="Main"
        className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4 sm:px-6"
      >
        <Link href={urlFor('home')} className="font-semibold tracking-tight" data-test="brand">
          Atrium
        </Link>
        {user && (
          <>
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
          </>
        )}
        <div className="flex-1" />
        <ThemeToggle />
        {user ? (
          <UserMenu user={user} />
        ) : (
          <>
            <Link href={urlFor('session.create')} className={buttonClasses('ghost', 'sm')}>
              Log in
            </Link>
            <Link href={urlFor('signup.create')} className={buttonClasses('primary', 'sm')}>
              Sign up
            </Link>
          </>
        )}
      </nav>
    </header>
  )
}
