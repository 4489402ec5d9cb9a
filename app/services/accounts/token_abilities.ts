import { PERMISSION_ACTIONS, type PermissionAction, codenameOf } from '#admin/permissions'

/**
 * The models the API serves, keyed by the admin's permission key of each (so a token's ability
 * reads like the admin permission it mirrors: `task.view`), with the actions the API offers on
 * them: the activity record is only read.
 */
const TOKEN_MODELS = [
  { key: 'project', label: 'Projects', actions: PERMISSION_ACTIONS },
  { key: 'project_member', label: 'Members', actions: PERMISSION_ACTIONS },
  { key: 'task', label: 'Tasks', actions: PERMISSION_ACTIONS },
  { key: 'label', label: 'Labels', actions: PERMISSION_ACTIONS },
  { key: 'comment', label: 'Comments', actions: PERMISSION_ACTIONS },
  { key: 'activity', label: 'Activity', actions: ['view'] },
] as const satisfies { key: string; label: string; actions: readonly PermissionAction[] }[]

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

/** The catalog grouped per model, in the order pages list it. */
export const TOKEN_ABILITY_GROUPS: TokenAbilityGroup[] = TOKEN_MODELS.map((model) => ({
  key: model.key,
  label: model.label,
  abilities: model.actions.map((action: PermissionAction) => ({
    name: codenameOf(model.key, action),
    action,
    label: ACTION_LABELS[action],
  })),
}))

/** Every ability a token may hold: `project.view` ... `activity.view`. */
export const TOKEN_ABILITIES: string[] = TOKEN_ABILITY_GROUPS.flatMap((group) =>
  group.abilities.map((ability) => ability.name)
)

/** The abilities that only read (`*.view`): the "read-only" choice. */
export const READ_ONLY_TOKEN_ABILITIES: string[] = TOKEN_ABILITIES.filter((name) =>
  name.endsWith('.view')
)

/**
 * Whether `token` may do `ability` (`task.change`): only an ability of the catalog that the token
 * holds by name. The API middleware calls it for each operation's ability; what the user may do
 * in the project (the policy) is checked besides, so a token never does more than its user.
 */
export function tokenAllows(token: { abilities: readonly string[] }, ability: string): boolean {
  return TOKEN_ABILITIES.includes(ability) && token.abilities.includes(ability)
}

/** `abilities` in catalog order, each once: what a token stores. */
export function sortedTokenAbilities(abilities: readonly string[]): string[] {
  return TOKEN_ABILITIES.filter((name) => abilities.includes(name))
}
