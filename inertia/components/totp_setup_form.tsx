import type { FormEvent } from 'react'
import { useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { BoundFormField } from '~/components/form_field'

type TotpSetupFormProps = {
  /** The base32 secret, for apps that cannot scan. */
  secret: string
  /** The QR code of the otpauth URI, an SVG document drawn by the server. */
  qrSvg: string
}

/** Setting up an authenticator app: scan the QR code (or type the secret), then its first code. */
export function TotpSetupForm({ secret, qrSvg }: TotpSetupFormProps) {
  const form = useForm({ code: '' })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.put(urlFor('settings.two_factor.update'), {
      preserveScroll: true,
      onFinish: () => form.reset(),
    })
  }

  return (
    <div className="space-y-4" data-test="totp-setup">
      <p className="text-sm text-muted-foreground">
        Scan this QR code with your authenticator app, or enter the key below by hand.
      </p>
      <div
        className="h-48 w-48 rounded-md border border-border bg-white p-2"
        role="img"
        aria-label="QR code to scan with an authenticator app"
        data-test="totp-qr"
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p className="text-sm">
        Key:{' '}
        <code className="font-mono break-all" data-test="totp-secret">
          {secret}
        </code>
      </p>
      <form onSubmit={submit} className="space-y-4" noValidate data-test="totp-confirm-form">
        <BoundFormField
          form={form}
          name="code"
          label="Code from the app"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
        />
        <Button type="submit" disabled={form.processing} data-test="totp-confirm">
          Turn on
        </Button>
      </form>
    </div>
  )
}
