import type { ReactNode } from 'react'
import { Head } from '@inertiajs/react'

/** The narrow centred column of the account pages (login, sign-up, password reset). */
export function AuthCard({
  title,
  description,
  children,
}: {
  title: string
  description?: string
  children: ReactNode
}) {
  return (
    <>
      <Head title={title} />
      <div className="mx-auto max-w-sm py-8">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {description && <p className="mt-2 text-sm text-muted-foreground">{description}</p>}
        <div className="mt-6">{children}</div>
      </div>
    </>
  )
}
