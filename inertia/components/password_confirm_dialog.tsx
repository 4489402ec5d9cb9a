import type { ComponentProps, FormEvent, ReactNode } from 'react'
import { useForm } from '@inertiajs/react'
import { Button } from '~/components/ui/button'
import { Dialog } from '~/components/ui/dialog'
import { BoundFormField } from '~/components/form_field'

type PasswordConfirmDialogProps = {
  /** The dialog's title: the question it asks. */
  title: string
  description: string
  /** The button that opens the dialog. */
  trigger: ReactNode
  /** Where the confirmed request goes, with the password. */
  url: string
  /** The request's method: DELETE unless the action makes something (POST). */
  method?: 'delete' | 'post'
  /** The words of the button that sends it. */
  submitLabel: string
  variant?: ComponentProps<typeof Button>['variant']
}

/**
 * A dialog that asks for the user's password before a request that cannot be undone (deleting
 * the account, logging out other sessions); the password field clears after each attempt.
 */
export function PasswordConfirmDialog({
  title,
  description,
  trigger,
  url,
  submitLabel,
  variant,
  method = 'delete',
}: PasswordConfirmDialogProps) {
  const form = useForm({ password: '' })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.submit(method, url, { preserveScroll: true, onFinish: () => form.reset() })
  }

  return (
    <Dialog title={title} description={description} trigger={trigger}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <BoundFormField
          form={form}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
        />
        <Button type="submit" variant={variant} disabled={form.processing}>
          {submitLabel}
        </Button>
      </form>
    </Dialog>
  )
}
