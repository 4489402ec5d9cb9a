import { Head, Link } from '@inertiajs/react'
import { urlFor } from '~/lib/guest_client'
import { buttonClasses } from '~/components/ui/button'

type StatusPageProps = { status: number; title: string; message: string }

/** The body of an error page (403, 404, 500, 503): what happened and a way back. */
export function StatusPage({ status, title, message }: StatusPageProps) {
  return (
    <>
      <Head title={title} />
      <section className="mx-auto max-w-md py-16 text-center" data-test={`status-${status}`}>
        <p className="text-sm font-semibold text-primary">{status}</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
        <p className="mt-3 text-muted-foreground">{message}</p>
        <Link href={urlFor('home')} className={`mt-8 ${buttonClasses('primary')}`}>
          Back to the home page
        </Link>
      </section>
    </>
  )
}
