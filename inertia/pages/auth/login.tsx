import type { FormEvent } from 'react'
import { Link, useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/guest_client'
import { Button } from '~/components/ui/button'
import { AuthCard } from '~/components/auth_card'
import { BoundFormField } from '~/components/form_field'
import { PasskeySignIn } from '~/components/passkey_sign_in'

type LoginProps = { next: string | null }

export default function Login({ next }: LoginProps) {
  const form = useForm({ email: '', password: '', remember: false, next: next ?? undefined })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('session.store'), { onFinish: () => form.reset('password') })
  }

  return (
    <AuthCard title="Log in">
      <form onSubmit={submit} className="space-y-4" noValidate data-test="login-form">
        <BoundFormField
          form={form}
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          autoFocus
          required
        />
        <BoundFormField
          form={form}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
        />
        <div className="flex items-center justify-between text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="remember"
              checked={form.data.remember}
              onChange={(event) => form.setData('remember', event.target.checked)}
              className="h-4 w-4 rounded border-border"
            />
            Remember me
          </label>
          <Link href={urlFor('password.forgot')} className="text-primary hover:underline">
            Forgot password?
          </Link>
        </div>
        <Button
          type="submit"
          className="w-full"
          disabled={form.processing}
          data-test="login-submit"
        >
          {form.processing ? 'Logging in…' : 'Log in'}
        </Button>
      </form>
      <div className="mt-4 space-y-4">
        <p className="text-center text-xs text-muted-foreground uppercase">or</p>
        <PasskeySignIn label="Sign in with a passkey" remember={form.data.remember} next={next} />
      </div>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        No account yet?{' '}
        <Link href={urlFor('signup.create')} className="text-primary hover:underline">
          Sign up
        </Link>
      </p>
    </AuthCard>
  )
}
