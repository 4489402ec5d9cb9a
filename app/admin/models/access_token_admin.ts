import type AccessToken from '#models/access_token'
import { ModelAdmin } from '#admin/model_admin'

/** A token's abilities, whether the row holds the stored JSON or the model's list. */
function abilitiesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value
  return typeof value === 'string' ? JSON.parse(value) : []
}

/**
 * Personal access tokens of the API, for staff to see and revoke: nobody adds one here (only its
 * owner has the secret) and nothing of one is changed; deleting one revokes it.
 */
export class AccessTokenAdmin extends ModelAdmin<typeof AccessToken> {
  area = 'Accounts and history'
  label = 'Access tokens'
  labelSingular = 'access token'
  titleField = 'name'

  listDisplay = ['user.email', 'name', 'abilityList', 'createdAt', 'lastUsedAt', 'expiresAt']
  computed = {
    abilityList: {
      label: 'Abilities',
      select: ['abilities'],
      value: (row: Record<string, any>) => abilitiesOf(row.abilities).join(', '),
    },
  }
  searchFields = ['name', 'user.email']
  listFilter = ['user']
  ordering = ['-id']
  sortableFields = ['name', 'createdAt', 'lastUsedAt', 'expiresAt']
  fieldsets = [{ title: null, fields: ['user', 'name', 'lastUsedAt', 'expiresAt'] }]
  fieldOptions = {
    'user.email': { label: 'User' },
    'lastUsedAt': { label: 'Last used' },
    'expiresAt': { label: 'Expires' },
  }

  /** Seen and revoked only: a token is created by its owner, who alone sees its secret. */
  get permissionActions() {
    return ['view', 'delete'] as const
  }
}
