import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Moment } from '~/components/moment'
import { Td } from '~/components/ui/table'
import { SettingsLayout } from '~/components/settings_layout'
import { SettingsList } from '~/components/settings_list'
import { AddPasskeyForm } from '~/components/add_passkey_form'
import { ConfirmDeleteDialog } from '~/components/confirm_delete_dialog'

type PasskeysProps = { passkeys: Data.Passkey[] }

export default function Passkeys({ passkeys }: PasskeysProps) {
  return (
    <SettingsLayout title="Passkeys">
      <p className="text-sm text-muted-foreground">
        A passkey logs you in with your device’s screen lock or a security key instead of your
        password, and can be the second step after it.
      </p>
      <div className="mt-6">
        <h3 className="text-base font-semibold">Add a passkey</h3>
        <div className="mt-3">
          <AddPasskeyForm />
        </div>
      </div>
      <SettingsList
        title="Your passkeys"
        columns={['Name', 'Added', 'Last used']}
        emptyText="You have no passkeys."
        emptyDataTest="no-passkeys"
        tableDataTest="passkeys-table"
        rows={passkeys.map((passkey) => (
          <tr key={passkey.id}>
            <Td className="font-medium">{passkey.name}</Td>
            <Td>
              <Moment iso={passkey.createdAt} />
            </Td>
            <Td>{passkey.lastUsedAt ? <Moment iso={passkey.lastUsedAt} /> : 'Never'}</Td>
            <Td>
              <ConfirmDeleteDialog
                title={`Remove “${passkey.name}”?`}
                description="This passkey can no longer log in, and your other sessions are logged out."
                triggerLabel="Remove"
                actionLabel="Remove passkey"
                url={urlFor('settings.passkeys.destroy', { id: passkey.id })}
              />
            </Td>
          </tr>
        ))}
      />
    </SettingsLayout>
  )
}
