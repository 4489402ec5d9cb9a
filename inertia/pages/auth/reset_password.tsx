import type { FormEvent } from 'react'
import { Link, useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/guest_client'
import { Button, buttonClasses } from '~/components/ui/button'
import { AuthCard } from '~/components/auth_card'
import { NewPasswordFields } from '~/components/new_password_fields'

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
        <NewPasswordFields
          autoFocus
          password={form.data.password}
          confirmation={form.data.passwordConfirmation}
          onPasswordChange={(value) => form.setData('password', value)}
          onConfirmationChange={(value) => form.setData('passwordConfirmation', value)}
          errors={form.errors}
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
