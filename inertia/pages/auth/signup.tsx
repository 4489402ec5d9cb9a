import type { FormEvent } from 'react'
import { Link, useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/guest_client'
import { Button } from '~/components/ui/button'
import { AuthCard } from '~/components/auth_card'
import { BoundFormField } from '~/components/form_field'
import { NewPasswordFields } from '~/components/new_password_fields'

/** The browser's time zone, which the new account starts with (changeable in the profile). */
function browserTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined
}

export default function Signup({ email }: { email: string }) {
  const form = useForm({ fullName: '', email, password: '', passwordConfirmation: '' })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.transform((data) => ({ ...data, timeZone: browserTimeZone() }))
    form.post(urlFor('signup.store'), {
      onFinish: () => form.reset('password', 'passwordConfirmation'),
    })
  }

  return (
    <AuthCard title="Create your account">
      <form onSubmit={submit} className="space-y-4" noValidate data-test="signup-form">
        <BoundFormField
          form={form}
          name="fullName"
          label="Full name"
          autoComplete="name"
          autoFocus
          required
        />
        <BoundFormField
          form={form}
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
        />
        <NewPasswordFields
          label="Password"
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
          data-test="signup-submit"
        >
          {form.processing ? 'Creating your account…' : 'Sign up'}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link href={urlFor('session.create')} className="text-primary hover:underline">
          Log in
        </Link>
      </p>
    </AuthCard>
  )
}
