import type { FormEvent } from 'react'
import { useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Dialog } from '~/components/ui/dialog'
import { FormField } from '~/components/form_field'
import { SettingsLayout } from '~/components/settings_layout'

export default function Account() {
  const form = useForm({ password: '' })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.delete(urlFor('settings.account.destroy'), {
      preserveScroll: true,
      onFinish: () => form.reset(),
    })
  }

  return (
    <SettingsLayout title="Delete account">
      <p className="text-sm text-muted-foreground">
        Deleting your account removes your profile, your sessions and your pending links at once. It
        cannot be undone.
      </p>
      <div className="mt-4">
        <Dialog
          title="Delete your account?"
          description="Enter your password to confirm. This cannot be undone."
          trigger={
            <Button variant="danger" data-test="delete-account">
              Delete account
            </Button>
          }
        >
          <form onSubmit={submit} className="space-y-4" noValidate>
            <FormField
              id="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              value={form.data.password}
              onChange={(value) => form.setData('password', value)}
              error={form.errors.password}
            />
            <Button type="submit" variant="danger" disabled={form.processing}>
              Delete my account
            </Button>
          </form>
        </Dialog>
      </div>
    </SettingsLayout>
  )
}
