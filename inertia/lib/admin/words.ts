import type { AdminCount } from '~/lib/admin/types'

const NUMBER = new Intl.NumberFormat('en-GB')

/** A count as words: "1,234" when exact, "about 1,000,000" when estimated, "10,000+" at least. */
export function formatCount(count: AdminCount): string {
  const value = NUMBER.format(count.value)
  if (count.kind === 'estimate') return `about ${value}`
  if (count.kind === 'atLeast') return `${value}+`
  return value
}

/** A label as it reads inside a sentence: "Tasks" → "tasks", but "API keys" stays as it is. */
export function inSentence(label: string): string {
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1)
}
