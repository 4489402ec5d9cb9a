import { Link } from '@inertiajs/react'
import { urlFor } from '~/lib/guest_client'
import { ThemeToggle } from '~/components/theme_toggle'
import { buttonClasses } from '~/components/ui/button'

/** The top bar for a visitor who is not logged in: brand, theme toggle, log in and sign up. */
export function GuestHeader() {
  return (
    <header className="border-b border-border bg-card">
      <nav
        aria-label="Main"
        className="mx-auto flex h-14 max-w-6xl items-center gap-4 px-4 sm:px-6"
      >
        <Link href={urlFor('home')} className="font-semibold tracking-tight" data-test="brand">
          Atrium
        </Link>
        <div className="flex-1" />
        <ThemeToggle />
        <Link href={urlFor('session.create')} className={buttonClasses('ghost', 'sm')}>
          Log in
        </Link>
        <Link href={urlFor('signup.create')} className={buttonClasses('primary', 'sm')}>
          Sign up
        </Link>
      </nav>
    </header>
  )
}
