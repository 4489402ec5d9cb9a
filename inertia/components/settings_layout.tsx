import type { ReactNode } from 'react'
import { Head, Link, usePage } from '@inertiajs/react'
import { cn } from '~/lib/cn'
import { urlFor } from '~/lib/client'

const SECTIONS = [
  { route: 'settings.profile.edit', label: 'Profile' },
  { route: 'settings.password.edit', label: 'Password' },
  { route: 'settings.two_factor.edit', label: 'Two-factor' },
  { route: 'settings.passkeys.index', label: 'Passkeys' },
  { route: 'settings.sessions.index', label: 'Sessions' },
  { route: 'settings.tokens.index', label: 'API tokens' },
  { route: 'settings.appearance.edit', label: 'Appearance' },
  { route: 'settings.account.edit', label: 'Delete account' },
] as const

/** The settings area: a list of sections beside the current one. */
export function SettingsLayout({ title, children }: { title: string; children: ReactNode }) {
  const { url } = usePage()

  return (
    <>
      <Head title={`${title} · Settings`} />
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <div className="mt-6 flex flex-col gap-8 md:flex-row">
        <nav aria-label="Settings" className="md:w-48">
          <ul className="flex gap-1 overflow-x-auto md:flex-col">
            {SECTIONS.map((section) => {
              const href = urlFor(section.route)
              const active = url === href || url.startsWith(`${href}?`)
              return (
                <li key={section.route}>
                  <Link
                    href={href}
                    aria-current={active ? 'page' : undefined}
                    className={cn(
                      'block rounded-md px-3 py-2 text-sm whitespace-nowrap',
                      active ? 'bg-muted font-medium' : 'text-muted-foreground hover:bg-muted'
                    )}
                  >
                    {section.label}
                  </Link>
                </li>
              )
            })}
          </ul>
        </nav>
        <section className="max-w-xl flex-1" aria-labelledby="settings-title">
          <h2 id="settings-title" className="text-lg font-semibold">
            {title}
          </h2>
          <div className="mt-4">{children}</div>
        </section>
      </div>
    </>
  )
}
