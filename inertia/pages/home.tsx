import { Head, Link, usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/guest_client'
import { buttonClasses } from '~/components/ui/button'

export default function Home() {
  const { user } = usePage<Data.SharedProps>().props

  return (
    <>
      <Head title="Home" />
      <section className="py-12" data-test="home">
        <h1 className="text-4xl font-bold tracking-tight">
          {user ? `Welcome, ${user.fullName}` : 'Atrium'}
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-muted-foreground">
          Projects, tasks and the people who work on them, in one fast app.
        </p>
        {user ? (
          <Link href={urlFor('dashboard')} className={`mt-8 ${buttonClasses('primary')}`}>
            Go to your dashboard
          </Link>
        ) : (
          <Link href={urlFor('session.create')} className={`mt-8 ${buttonClasses('primary')}`}>
            Log in
          </Link>
        )}
      </section>
    </>
  )
}
