import type { FormEvent } from 'react'
import { Head, useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { InputError } from '~/components/input_error'

export default function Login() {
  const form = useForm({ email: '', password: '' })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('session.store'), { onFinish: () => form.reset('password') })
  }

  return (
    <>
      <Head title="Log in" />
      <div className="mx-auto max-w-sm py-8">
        <h1 className="text-2xl font-bold tracking-tight">Log in</h1>
        <form onSubmit={submit} className="mt-6 space-y-4" noValidate data-test="login-form">
          <div>
            <Label htmlFor="email">Email</Label>
            <Input
              id="email"
              type="email"
              name="email"
              autoComplete="email"
              autoFocus
              required
              value={form.data.email}
              onChange={(e) => form.setData('email', e.target.value)}
              aria-invalid={Boolean(form.errors.email)}
              aria-describedby={form.errors.email ? 'email-error' : undefined}
              className="mt-1"
            />
            <InputError id="email-error" message={form.errors.email} />
          </div>
          <div>
            <Label htmlFor="password">Password</Label>
            <Input
              id="password"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={form.data.password}
              onChange={(e) => form.setData('password', e.target.value)}
              aria-invalid={Boolean(form.errors.password)}
              aria-describedby={form.errors.password ? 'password-error' : undefined}
              className="mt-1"
            />
            <InputError id="password-error" message={form.errors.password} />
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
      </div>
    </>
  )
}
