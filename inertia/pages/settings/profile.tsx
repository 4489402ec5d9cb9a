import type { FormEvent } from 'react'
import { useForm, usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { FormField } from '~/components/form_field'
import { SettingsLayout } from '~/components/settings_layout'

export default function Profile() {
  const user = usePage<Data.SharedProps>().props.user!
  const form = useForm({ fullName: user.fullName, email: user.email, currentPassword: '' })
  const emailChanged = form.data.email.trim().toLowerCase() !== user.email

  function submit(event: FormEvent) {
    event.preventDefault()
    form.put(urlFor('settings.profile.update'), {
      preserveScroll: true,
      onFinish: () => form.reset('currentPassword'),
    })
  }

  return (
    <SettingsLayout title="Profile">
      <form onSubmit={submit} className="space-y-4" noValidate data-test="profile-form">
        <FormField
          id="fullName"
          label="Full name"
          autoComplete="name"
          required
          value={form.data.fullName}
          onChange={(value) => form.setData('fullName', value)}
          error={form.errors.fullName}
        />
        <FormField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          hint="Changing it sends a verification link to the new address."
          value={form.data.email}
          onChange={(value) => form.setData('email', value)}
          error={form.errors.email}
        />
        {emailChanged && (
          <FormField
            id="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            hint="Needed to change the email address."
            value={form.data.currentPassword}
            onChange={(value) => form.setData('currentPassword', value)}
            error={form.errors.currentPassword}
          />
        )}
        <Button type="submit" disabled={form.processing || !form.isDirty}>
          Save
        </Button>
      </form>
    </SettingsLayout>
  )
}
