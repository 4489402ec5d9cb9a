import { router } from '@inertiajs/react'
import { useState } from 'react'
import { Button } from '~/components/ui/button'
import { Dialog, DialogClose } from '~/components/ui/dialog'

/** A dialog that asks before revoking a token, then sends the DELETE to `url`. */
export function RevokeTokenDialog({ name, url }: { name: string; url: string }) {
  const [processing, setProcessing] = useState(false)

  function revoke() {
    router.delete(url, {
      preserveScroll: true,
      onStart: () => setProcessing(true),
      onFinish: () => setProcessing(false),
    })
  }

  return (
    <Dialog
      title={`Revoke “${name}”?`}
      description="Apps using this token stop working at once. This cannot be undone."
      trigger={
        <Button type="button" size="sm" variant="danger">
          Revoke
        </Button>
      }
    >
      <div className="flex gap-2">
        <Button type="button" variant="danger" onClick={revoke} disabled={processing}>
          Revoke token
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
