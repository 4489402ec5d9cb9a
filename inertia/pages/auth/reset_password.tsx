import type { FormEvent } from 'react'
import { Link, useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button, buttonClasses } from '~/components/ui/button'
import { AuthCard } from '~/components/auth_card'
import { FormField } from '~/components/form_field'

type ResetPasswordProps = { token: string; email: string | null; expiresInMinutes: number }

export default function ResetPassword({ token, email, expiresInMinutes }: ResetPasswordProps) {
  const form = useForm({ password: '', passwordConfirmation: '' })

  if (!email) {
    return (
      <AuthCard
        title="This link no longer works"
        description={`Reset links work once, for ${expiresInMinutes} minutes. Ask for a new one.`}
      >
        <Link href={urlFor('password.forgot')} className={buttonClasses('primary')}>
          Ask for a new link
        </Link>
      </AuthCard>
    )
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('password.update', { token }), {
      onFinish: () => form.reset('password', 'passwordConfirmation'),
    })
  }

  return (
    <AuthCard title="Choose a new password" description={`For the account ${email}.`}>
      <form onSubmit={submit} className="space-y-4" noValidate data-test="reset-form">
        <FormField
          id="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          autoFocus
          required
          hint="At least 10 characters; not a common password, nor your name or email."
          value={form.data.password}
          onChange={(value) => form.setData('password', value)}
          error={form.errors.password}
        />
        <FormField
          id="passwordConfirmation"
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          required
          value={form.data.passwordConfirmation}
          onChange={(value) => form.setData('passwordConfirmation', value)}
          error={form.errors.passwordConfirmation}
        />
        <Button
          type="submit"
          className="w-full"
          disabled={form.processing}
          data-test="reset-submit"
        >
          Set the new password
        </Button>
      </form>
    </AuthCard>
  )
}
