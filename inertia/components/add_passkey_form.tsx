import { useState, type FormEvent } from 'react'
import { router } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { JsonRequestError, type FieldErrors } from '~/lib/post_json'
import { Button } from '~/components/ui/button'
import { FormField } from '~/components/form_field'
import { InputError } from '~/components/input_error'
import { useWebAuthnSupport } from '~/hooks/use_webauthn_support'
import { PASSKEY_NAME_MAX_LENGTH } from '#shared/passkeys'

/**
 * The form that adds a passkey: the name is checked and a challenge fetched, the browser makes the
 * passkey (the person confirms on their device), then the answer is posted as an Inertia visit.
 */
export function AddPasskeyForm() {
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [processing, setProcessing] = useState(false)
  const supported = useWebAuthnSupport()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setErrors({})
    setProcessing(true)
    try {
      const { makePasskey } = await import('~/lib/passkey_ceremony')
      const credential = await makePasskey(urlFor('settings.passkeys.options'), { name })
      router.post(
        urlFor('settings.passkeys.store'),
        { name, credential },
        {
          preserveScroll: true,
          onSuccess: () => setName(''),
          onError: (refused) => setErrors(refused),
          onFinish: () => setProcessing(false),
        }
      )
    } catch (error) {
      setProcessing(false)
      if (error instanceof JsonRequestError && Object.keys(error.errors).length > 0) {
        setErrors(error.errors)
      } else if (error instanceof Error && error.name === 'InvalidStateError') {
        setErrors({ passkey: 'This device already holds one of your passkeys.' })
      } else {
        setErrors({ passkey: 'No passkey was added. Please try again.' })
      }
    }
  }

  if (supported === false) {
    return (
      <p className="text-sm text-muted-foreground" data-test="passkey-unsupported">
        This browser cannot make passkeys. Use one that supports them to add a passkey.
      </p>
    )
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-test="add-passkey-form">
      <FormField
        id="name"
        label="Name"
        hint="Which device or password manager holds it, e.g. “Laptop” or “Phone”."
        value={name}
        onChange={setName}
        error={errors.name}
        maxLength={PASSKEY_NAME_MAX_LENGTH}
        required
      />
      <div>
        <Button type="submit" disabled={processing || supported === null} data-test="add-passkey">
          {processing ? 'Waiting for the passkey…' : 'Add a passkey'}
        </Button>
        <InputError id="passkey-error" message={errors.passkey} />
      </div>
    </form>
  )
}
