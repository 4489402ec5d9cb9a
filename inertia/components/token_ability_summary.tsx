import type { TokenAbilityGroup } from '~/components/token_ability_picker'

/**
 * A token's abilities in a few words: "All abilities", "Read-only", or per model what it may do
 * ("Tasks: view, add · Labels: all").
 */
export function TokenAbilitySummary({
  abilities,
  groups,
}: {
  abilities: string[]
  groups: TokenAbilityGroup[]
}) {
  const all = groups.flatMap((group) => group.abilities.map((ability) => ability.name))
  const readOnly = all.filter((name) => name.endsWith('.view'))
  const holds = (names: string[]) =>
    names.length === abilities.length && names.every((name) => abilities.includes(name))

  if (holds(all)) return <span>All abilities</span>
  if (holds(readOnly)) return <span>Read-only</span>

  const parts = groups.flatMap((group) => {
    const held = group.abilities.filter((ability) => abilities.includes(ability.name))
    if (held.length === 0) return []
    const actions =
      held.length === group.abilities.length
        ? 'all'
        : held.map((ability) => ability.action).join(', ')
    return [`${group.label}: ${actions}`]
  })
  return <span>{parts.join(' · ')}</span>
}
