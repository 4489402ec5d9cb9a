import type { AdminCount } from '~/lib/admin/types'
import { formatCount, inSentence } from '~/lib/admin/words'

type AdminCountTextProps = {
  'count': AdminCount
  /** When given, the count reads as a phrase: "about 1,000,000 tasks", "1 task". */
  'noun'?: { singular: string; plural: string }
  'className'?: string
  'data-test'?: string
}

/**
 * A count of rows that says how sure it is ("1,234", "about 1,000,000", "10,000+"), optionally
 * followed by what is counted.
 */
export function AdminCountText({ count, noun, className, ...rest }: AdminCountTextProps) {
  const text = formatCount(count)
  const word = noun && (count.kind === 'exact' && count.value === 1 ? noun.singular : noun.plural)
  return (
    <span className={className} data-test={rest['data-test']}>
      {word ? `${text} ${inSentence(word)}` : text}
    </span>
  )
}
