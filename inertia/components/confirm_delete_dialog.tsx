import { router } from '@inertiajs/react'
import { useState } from 'react'
import { Button } from '~/components/ui/button'
import { Dialog, DialogClose } from '~/components/ui/dialog'

type ConfirmDeleteDialogProps = {
  /** The dialog's title: the question it asks. */
  title: string
  /** What deleting does, in a sentence or two. */
  description: string
  /** The words of the small button that opens the dialog ("Revoke"). */
  triggerLabel: string
  /** The words of the button that sends the DELETE ("Revoke token"). */
  actionLabel: string
  /** Where the DELETE goes. */
  url: string
}

/**
 * A dialog that asks before deleting one thing from a list, then sends the DELETE to `url`
 * and keeps the scroll position. Use it when a click is confirmation enough (no password).
 */
export function ConfirmDeleteDialog({
  title,
  description,
  triggerLabel,
  actionLabel,
  url,
}: ConfirmDeleteDialogProps) {
  const [processing, setProcessing] = useState(false)

  function confirm() {
    router.delete(url, {
      preserveScroll: true,
      onStart: () => setProcessing(true),
      onFinish: () => setProcessing(false),
    })
  }

  return (
    <Dialog
      title={title}
      description={description}
      trigger={
        <Button type="button" size="sm" variant="danger">
          {triggerLabel}
        </Button>
      }
    >
      <div className="flex gap-2">
        <Button type="button" variant="danger" onClick={confirm} disabled={processing}>
          {actionLabel}
        </Button>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            Cancel
          </Button>
        </DialogClose>
      </div>
    </Dialog>
  )
}
