import type { FormEvent } from 'react'
import { useForm, usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { BoundFormField } from '~/components/form_field'
import { SettingsLayout } from '~/components/settings_layout'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { InputError } from '~/components/input_error'

export default function Profile({ timeZones }: { timeZones: string[] }) {
  const user = usePage<Data.SharedProps>().props.user!
  const form = useForm({
    fullName: user.fullName,
    email: user.email,
    timeZone: user.timeZone,
    currentPassword: '',
  })
  const emailChanged = form.data.email.trim().toLowerCase() !== user.email

  function submit(event: FormEvent) {
    event.preventDefault()
    form.put(urlFor('settings.profile.update'), {
      preserveScroll: true,
      onFinish: () => form.reset('currentPassword'),
    })
  }

  return (
    <SettingsLayout title="Profile">
      <form onSubmit={submit} className="space-y-4" noValidate data-test="profile-form">
        <BoundFormField
          form={form}
          name="fullName"
          label="Full name"
          autoComplete="name"
          required
        />
        <BoundFormField
          form={form}
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          hint="Changing it sends a verification link to the new address."
        />
        <div>
          <Label htmlFor="timeZone">Time zone</Label>
          <Select
            id="timeZone"
            className="mt-1"
            value={form.data.timeZone}
            aria-describedby="timeZone-hint"
            onChange={(event) => form.setData('timeZone', event.target.value)}
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </Select>
          <p id="timeZone-hint" className="mt-1 text-xs text-muted-foreground">
            Dates and times are shown in this zone, and due dates count from its today.
          </p>
          <InputError id="timeZone-error" message={form.errors.timeZone} />
        </div>
        {emailChanged && (
          <BoundFormField
            form={form}
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            hint="Needed to change the email address."
          />
        )}
        <Button type="submit" disabled={form.processing || !form.isDirty}>
          Save
        </Button>
      </form>
    </SettingsLayout>
  )
}
