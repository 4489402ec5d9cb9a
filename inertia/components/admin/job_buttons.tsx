import { useState } from 'react'
import { router } from '@inertiajs/react'
import { Button } from '~/components/ui/button'
import { Dialog, DialogClose } from '~/components/ui/dialog'

type JobButtonsProps = { name: string; retryUrl: string | null; discardUrl: string | null }

/** Retry and Discard on a job's page, each shown when the user may do it to this job now. */
export function JobButtons({ name, retryUrl, discardUrl }: JobButtonsProps) {
  const [processing, setProcessing] = useState(false)
  const busy = {
    onStart: () => setProcessing(true),
    onFinish: () => setProcessing(false),
  }
  if (!retryUrl && !discardUrl) return null

  return (
    <div className="flex flex-wrap items-center gap-2">
      {retryUrl && (
        <Button
          size="sm"
          disabled={processing}
          onClick={() => router.post(retryUrl, {}, busy)}
          data-test="admin-job-retry"
        >
          Retry
        </Button>
      )}
      {discardUrl && (
        <Dialog
          title="Discard this job?"
          description={`The job ${name} will be deleted from the queue. This cannot be undone.`}
          trigger={
            <Button
              variant="secondary"
              size="sm"
              disabled={processing}
              data-test="admin-job-discard"
            >
              Discard
            </Button>
          }
        >
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary" size="sm">
                Cancel
              </Button>
            </DialogClose>
            <Button
              variant="danger"
              size="sm"
              disabled={processing}
              onClick={() => router.delete(discardUrl, busy)}
              data-test="admin-job-confirm-discard"
            >
              Discard
            </Button>
          </div>
        </Dialog>
      )}
    </div>
  )
}
