import { useState, type FormEvent } from 'react'
import { Link, useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/guest_client'
import { Button } from '~/components/ui/button'
import { AuthCard } from '~/components/auth_card'
import { BoundFormField } from '~/components/form_field'
import { PasskeySignIn } from '~/components/passkey_sign_in'

/**
 * The login's second step: a code from the authenticator app, or a recovery code instead, or
 * one of the user's passkeys when they have any.
 */
type TwoFactorProps = {
  /** The user has passkeys: one of them may answer instead of a code. */
  hasPasskeys: boolean
}

export default function TwoFactor({ hasPasskeys }: TwoFactorProps) {
  const [useRecovery, setUseRecovery] = useState(false)
  const form = useForm({ code: '', recoveryCode: '' })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.transform((data) =>
      useRecovery ? { recoveryCode: data.recoveryCode } : { code: data.code }
    )
    form.post(urlFor('session.two_factor.store'), { onFinish: () => form.reset() })
  }

  function switchMode() {
    form.clearErrors()
    setUseRecovery(!useRecovery)
  }

  return (
    <AuthCard
      title="Two-factor sign-in"
      description={
        useRecovery
          ? 'Enter one of the recovery codes you saved. Each works once.'
          : 'Enter the 6-digit code from your authenticator app.'
      }
    >
      <form onSubmit={submit} className="space-y-4" noValidate data-test="two-factor-form">
        {useRecovery ? (
          <BoundFormField
            key="recoveryCode"
            form={form}
            name="recoveryCode"
            label="Recovery code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
          />
        ) : (
          <BoundFormField
            key="code"
            form={form}
            name="code"
            label="Code"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            required
          />
        )}
        <Button
          type="submit"
          className="w-full"
          disabled={form.processing}
          data-test="two-factor-submit"
        >
          {form.processing ? 'Checking…' : 'Log in'}
        </Button>
      </form>
      {hasPasskeys && (
        <div className="mt-4 space-y-4">
          <p className="text-center text-xs text-muted-foreground uppercase">or</p>
          <PasskeySignIn label="Use a passkey" />
        </div>
      )}
      <div className="mt-6 flex justify-between text-sm">
        <button
          type="button"
          onClick={switchMode}
          className="text-primary hover:underline"
          data-test="two-factor-switch"
        >
          {useRecovery ? 'Use a code from your app' : 'Use a recovery code'}
        </button>
        <Link href={urlFor('session.create')} className="text-muted-foreground hover:underline">
          Start over
        </Link>
      </div>
    </AuthCard>
  )
}
