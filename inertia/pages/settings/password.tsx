import type { FormEvent } from 'react'
import { useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { BoundFormField } from '~/components/form_field'
import { NewPasswordFields } from '~/components/new_password_fields'
import { SettingsLayout } from '~/components/settings_layout'

export default function Password() {
  const form = useForm({ currentPassword: '', password: '', passwordConfirmation: '' })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.put(urlFor('settings.password.update'), {
      preserveScroll: true,
      onFinish: () => form.reset(),
    })
  }

  return (
    <SettingsLayout title="Password">
      <form onSubmit={submit} className="space-y-4" noValidate data-test="password-form">
        <BoundFormField
          form={form}
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
        />
        <NewPasswordFields
          hint="At least 10 characters. Your other sessions are logged out."
          password={form.data.password}
          confirmation={form.data.passwordConfirmation}
          onPasswordChange={(value) => form.setData('password', value)}
          onConfirmationChange={(value) => form.setData('passwordConfirmation', value)}
          errors={form.errors}
        />
        <Button type="submit" disabled={form.processing}>
          Change password
        </Button>
      </form>
    </SettingsLayout>
  )
}
