import { useEffect } from 'react'
import { toast } from 'sonner'
import { usePage } from '@inertiajs/react'

type Flash = { success?: string | null; error?: string | null }

/** Shows the flash messages of each visit (success and error) as toasts. */
export function useFlashToasts() {
  const { flash } = usePage<{}>() as unknown as { flash?: Flash }

  useEffect(() => {
    if (flash?.success) toast.success(flash.success)
    if (flash?.error) toast.error(flash.error)
  }, [flash])
}
