import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Moment } from '~/components/moment'
import { Td } from '~/components/ui/table'
import { SettingsLayout } from '~/components/settings_layout'
import { SettingsList } from '~/components/settings_list'
import { NewTokenForm } from '~/components/new_token_form'
import { NewTokenNotice } from '~/components/new_token_notice'
import { ConfirmDeleteDialog } from '~/components/confirm_delete_dialog'
import { TokenAbilitiesDialog } from '~/components/token_abilities_dialog'
import type { TokenAbilityGroup } from '~/components/token_ability_picker'
import { TokenAbilitySummary } from '~/components/token_ability_summary'

type TokensProps = {
  tokens: Data.AccessToken[]
  abilityGroups: TokenAbilityGroup[]
  /** The token just created, with its secret: present on the one page after creating it. */
  created: { id: number; name: string; token: string } | null
}

export default function Tokens({ tokens, abilityGroups, created }: TokensProps) {
  return (
    <SettingsLayout title="API tokens">
      <p className="text-sm text-muted-foreground">
        Personal access tokens let scripts and apps use the API as you, limited to the abilities you
        give them. Send one as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      {created && (
        <div className="mt-4">
          <NewTokenNotice name={created.name} token={created.token} />
        </div>
      )}
      <div className="mt-6">
        <h3 className="text-base font-semibold">New token</h3>
        <div className="mt-3">
          <NewTokenForm groups={abilityGroups} />
        </div>
      </div>
      <SettingsList
        title="Your tokens"
        columns={['Name', 'Abilities', 'Created', 'Last used', 'Expires']}
        emptyText="You have no tokens."
        emptyDataTest="no-tokens"
        tableDataTest="tokens-table"
        rows={tokens.map((token) => (
          <tr key={token.id}>
            <Td className="font-medium">{token.name}</Td>
            <Td className="text-xs" title={token.abilities.join(', ')}>
              <TokenAbilitySummary abilities={token.abilities} groups={abilityGroups} />
            </Td>
            <Td>
              <Moment iso={token.createdAt} />
            </Td>
            <Td>{token.lastUsedAt ? <Moment iso={token.lastUsedAt} /> : 'Never'}</Td>
            <Td>{token.expiresAt ? <Moment iso={token.expiresAt} /> : 'Never'}</Td>
            <Td>
              <div className="flex gap-2">
                <TokenAbilitiesDialog
                  token={token}
                  groups={abilityGroups}
                  url={urlFor('settings.tokens.update', { id: token.id })}
                />
                <ConfirmDeleteDialog
                  title={`Revoke “${token.name}”?`}
                  description="Apps using this token stop working at once. This cannot be undone."
                  triggerLabel="Revoke"
                  actionLabel="Revoke token"
                  url={urlFor('settings.tokens.destroy', { id: token.id })}
                />
              </div>
            </Td>
          </tr>
        ))}
      />
    </SettingsLayout>
  )
}
