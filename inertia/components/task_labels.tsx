import { cn } from '~/lib/cn'
import { Badge } from '~/components/ui/badge'

/** A task's labels as small badges in their own colors. */
export function TaskLabels({
  labels,
  className,
}: {
  labels: { id: number; name: string; color: string }[]
  className?: string
}) {
  if (labels.length === 0) return null
  return (
    <span className={cn('inline-flex flex-wrap gap-1', className)}>
      {labels.map((label) => (
        <Badge key={label.id} style={{ backgroundColor: `${label.color}22`, color: label.color }}>
          {label.name}
        </Badge>
      ))}
    </span>
  )
}
