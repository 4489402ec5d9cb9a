import type { FormEvent } from 'react'
import { useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { InputError } from '~/components/input_error'
import { BoundFormField } from '~/components/form_field'
import { TokenAbilityPicker, type TokenAbilityGroup } from '~/components/token_ability_picker'
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  TOKEN_LIFETIMES_DAYS,
  TOKEN_NAME_MAX_LENGTH,
} from '#shared/access_tokens'

/** The form that creates a personal access token: name, lifetime and abilities. */
export function NewTokenForm({ groups }: { groups: TokenAbilityGroup[] }) {
  const form = useForm({
    name: '',
    lifetimeDays: String(DEFAULT_TOKEN_LIFETIME_DAYS),
    abilities: [] as string[],
  })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('settings.tokens.store'), {
      preserveScroll: true,
      onSuccess: () => form.reset(),
    })
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-test="new-token-form">
      <BoundFormField
        form={form}
        name="name"
        label="Name"
        hint="What the token is for, e.g. “Phone” or “CI deploy”."
        maxLength={TOKEN_NAME_MAX_LENGTH}
        required
      />
      <div>
        <Label htmlFor="lifetimeDays">Expires after</Label>
        <Select
          id="lifetimeDays"
          name="lifetimeDays"
          value={form.data.lifetimeDays}
          onChange={(event) => form.setData('lifetimeDays', event.target.value)}
          aria-invalid={Boolean(form.errors.lifetimeDays)}
          className="mt-1"
        >
          {TOKEN_LIFETIMES_DAYS.map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </Select>
        <InputError id="lifetimeDays-error" message={form.errors.lifetimeDays} />
      </div>
      <TokenAbilityPicker
        id="abilities"
        groups={groups}
        value={form.data.abilities}
        onChange={(abilities) => form.setData('abilities', abilities)}
        error={form.errors.abilities}
      />
      <Button type="submit" disabled={form.processing} data-test="create-token">
        Create token
      </Button>
    </form>
  )
}
