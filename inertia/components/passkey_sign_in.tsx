import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { urlFor } from '~/lib/guest_client'
import { Button } from '~/components/ui/button'
import { InputError } from '~/components/input_error'
import { useWebAuthnSupport } from '~/hooks/use_webauthn_support'

type PasskeySignInProps = {
  /**
   * The button's text ("Sign in with a passkey", "Use a passkey"). Keep "Log in" out of it: the
   * login form's own button is "Log in", and a second button named alike would be ambiguous.
   */
  label: string
  /** Keep the user logged in (a login with a passkey alone; a second step keeps its own). */
  remember?: boolean
  /** Where to go once logged in, when the login started here. */
  next?: string | null
}

/**
 * Logs in with a passkey: asks the server for a challenge, lets the browser sign it with a passkey
 * the person picks (the ceremony's code loads on the first click), and posts the answer; the
 * server then sends the browser on (an Inertia visit). Serves a login with a passkey alone and the
 * second step after a password. A browser without WebAuthn gets a sentence instead of the button.
 */
export function PasskeySignIn({ label, remember = false, next = null }: PasskeySignInProps) {
  const { errors } = usePage<{ errors?: Record<string, string> }>().props
  const supported = useWebAuthnSupport()
  const [processing, setProcessing] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function signIn() {
    setProblem(null)
    setProcessing(true)
    try {
      const { signChallenge } = await import('~/lib/passkey_ceremony')
      const credential = await signChallenge(urlFor('session.passkey_options'))
      router.post(
        urlFor('session.passkey'),
        { credential, remember, next: next ?? undefined },
        { onFinish: () => setProcessing(false) }
      )
    } catch (error) {
      setProcessing(false)
      setProblem(
        error instanceof Error && error.name !== 'NotAllowedError'
          ? error.message
          : 'No passkey was used. Please try again.'
      )
    }
  }

  if (supported === false) {
    return (
      <p className="text-sm text-muted-foreground" data-test="passkey-unsupported">
        This browser cannot use passkeys.
      </p>
    )
  }

  return (
    <div>
      <Button
        type="button"
        variant="secondary"
        className="w-full"
        onClick={signIn}
        disabled={processing || supported === null}
        aria-describedby={problem || errors?.passkey ? 'passkey-error' : undefined}
        data-test="passkey-sign-in"
      >
        {processing ? 'Waiting for the passkey…' : label}
      </Button>
      <InputError id="passkey-error" message={problem ?? errors?.passkey} />
    </div>
  )
}
