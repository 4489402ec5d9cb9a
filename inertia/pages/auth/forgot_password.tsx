import type { FormEvent } from 'react'
import { Link, useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/guest_client'
import { Button } from '~/components/ui/button'
import { AuthCard } from '~/components/auth_card'
import { BoundFormField } from '~/components/form_field'

export default function ForgotPassword() {
  const form = useForm({ email: '' })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('password.email'))
  }

  return (
    <AuthCard
      title="Forgot your password?"
      description="Give the email address of your account and we will mail you a link to choose a new password."
    >
      <form onSubmit={submit} className="space-y-4" noValidate data-test="forgot-form">
        <BoundFormField
          form={form}
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          autoFocus
          required
        />
        <Button
          type="submit"
          className="w-full"
          disabled={form.processing}
          data-test="forgot-submit"
        >
          Send the reset link
        </Button>
      </form>
      <p className="mt-6 text-center text-sm">
        <Link href={urlFor('session.create')} className="text-primary hover:underline">
          Back to login
        </Link>
      </p>
    </AuthCard>
  )
}
