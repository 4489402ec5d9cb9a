import adminSite from '#admin/admin_site'
import { apiOperations } from '#api/operations'
import { PERMISSION_ACTIONS, type PermissionAction, codenameOf } from '#admin/permissions'

/** One ability of the catalog, as the settings page lists it. */
export type TokenAbility = { name: string; action: PermissionAction; label: string }

/** The abilities of one model, as the settings page groups its checkboxes. */
export type TokenAbilityGroup = { key: string; label: string; abilities: TokenAbility[] }

const ACTION_LABELS: Record<PermissionAction, string> = {
  view: 'View',
  add: 'Add',
  change: 'Change',
  delete: 'Delete',
}

/**
 * The catalog grouped per model: every ability an API operation names (`task.view`, the admin's
 * permission name), so a resource `make:resource` adds is in it the moment its operations are
 * registered. Models come in the admin's order, with its labels; actions in view, add, change,
 * delete order. Read once the routes (and with them the operations) are loaded.
 */
export function tokenAbilityGroups(): TokenAbilityGroup[] {
  const actionsOf = new Map<string, Set<string>>()
  for (const operation of apiOperations().values()) {
    if (!operation.ability) continue
    const [key, action] = operation.ability.split('.')
    actionsOf.set(key, (actionsOf.get(key) ?? new Set()).add(action))
  }
  const admins = adminSite.all()
  const rank = (key: string) => {
    const index = admins.findIndex((admin) => admin.permissionKey === key)
    return index === -1 ? admins.length : index
  }
  return [...actionsOf.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => ({
      key,
      label: admins.find((admin) => admin.permissionKey === key)?.pluralLabel ?? key,
      abilities: PERMISSION_ACTIONS.filter((action) => actionsOf.get(key)!.has(action)).map(
        (action) => ({ name: codenameOf(key, action), action, label: ACTION_LABELS[action] })
      ),
    }))
}

/** Every ability a token may hold, in catalog order: `project.view` ... `activity.view`. */
export function tokenAbilities(): string[] {
  const registered = apiOperations().size
  if (catalog.registered !== registered) {
    catalog.registered = registered
    catalog.names = tokenAbilityGroups().flatMap((group) =>
      group.abilities.map((ability) => ability.name)
    )
  }
  return [...catalog.names]
}

/**
 * The catalog's names, built again only when operations were registered since (every API call
 * checks its token against it).
 */
const catalog: { registered: number; names: string[] } = { registered: -1, names: [] }

/** The abilities that only read (`*.view`): the "read-only" choice. */
export function readOnlyTokenAbilities(): string[] {
  return tokenAbilities().filter((name) => name.endsWith('.view'))
}

/**
 * Whether `token` may do `ability` (`task.change`): only an ability of the catalog that the token
 * holds by name. The API middleware calls it for each operation's ability; what the user may do
 * in the project (the policy) is checked besides, so a token never does more than its user.
 */
export function tokenAllows(token: { abilities: readonly string[] }, ability: string): boolean {
  return token.abilities.includes(ability) && tokenAbilities().includes(ability)
}

/** `abilities` in catalog order, each once: what a token stores. */
export function sortedTokenAbilities(abilities: readonly string[]): string[] {
  return tokenAbilities().filter((name) => abilities.includes(name))
}
