import { useState } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import type { AdminDeleteProps } from '~/lib/admin/types'
import { inSentence } from '~/lib/admin/words'
import AdminLayout from '~/layouts/admin_layout'
import { AdminBreadcrumbs } from '~/components/admin/admin_breadcrumbs'
import { Button, buttonClasses } from '~/components/ui/button'

/** "3 comments: First comment, Second comment…": what goes with the objects, by example. */
function cascadeText({ label, count, examples }: AdminDeleteProps['cascades'][number]): string {
  const more = count > examples.length ? '…' : ''
  return examples.length ? `${count} ${label}: ${examples.join(', ')}${more}` : `${count} ${label}`
}

/**
 * "Are you sure?" before deleting one or more objects: lists them and what the database deletes
 * with them, then deletes on a confirmed click only.
 */
export default function DeleteConfirmation(props: AdminDeleteProps) {
  const { model, objects, cascades } = props
  const [processing, setProcessing] = useState(false)
  const noun = inSentence(objects.length === 1 ? model.labelSingular : model.label)

  function confirm() {
    router.delete(props.submitUrl, {
      data: { ids: props.ids },
      onStart: () => setProcessing(true),
      onFinish: () => setProcessing(false),
    })
  }

  return (
    <>
      <Head title={`Delete ${noun}`} />
      <AdminBreadcrumbs
        items={[{ label: model.label, href: model.url }, { label: `Delete ${noun}` }]}
      />
      <h1 className="text-2xl font-bold tracking-tight">Are you sure?</h1>
      <p className="mt-2 text-muted-foreground">
        {objects.length === 1 ? 'This' : `These ${objects.length}`} {noun} will be deleted:
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-6" data-test="admin-delete-objects">
        {objects.map((object) => (
          <li key={object.id}>
            {object.url ? (
              <Link href={object.url} className="text-primary hover:underline">
                {object.title}
              </Link>
            ) : (
              object.title
            )}
          </li>
        ))}
      </ul>
      {cascades.length > 0 && (
        <section aria-labelledby="admin-cascades" className="mt-6">
          <h2 id="admin-cascades" className="font-semibold">
            These related rows will be deleted with them:
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm" data-test="admin-delete-cascades">
            {cascades.map((cascade) => (
              <li key={cascade.label}>{cascadeText(cascade)}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="mt-8 flex flex-wrap items-center gap-3">
        <Button
          variant="danger"
          onClick={confirm}
          disabled={processing}
          data-test="admin-confirm-delete"
        >
          Yes, I’m sure
        </Button>
        <Link
          href={props.cancelUrl}
          className={buttonClasses('secondary')}
          data-test="admin-cancel-delete"
        >
          No, take me back
        </Link>
      </div>
    </>
  )
}

DeleteConfirmation.layout = AdminLayout
