import { type DragEvent, type ReactNode, useState } from 'react'
import { Link } from '@inertiajs/react'
import { cn } from '~/lib/cn'
import { CARD_DRAG_TYPE } from '~/components/board_card'

/**
 * One status column of the board. It accepts dropped cards (when `onDropTask` is given) and says
 * how many tasks it holds beyond the cards it shows, with a link to all of them in the list.
 */
export function BoardColumn({
  status,
  title,
  total,
  shown,
  listUrl,
  onDropTask,
  children,
}: {
  status: string
  title: string
  total: number
  shown: number
  listUrl: string
  onDropTask?: (taskId: number) => void
  children: ReactNode
}) {
  const [over, setOver] = useState(false)
  const accepts = (event: DragEvent) =>
    onDropTask !== undefined && event.dataTransfer.types.includes(CARD_DRAG_TYPE)

  return (
    <section
      aria-labelledby={`column-${status}`}
      data-test={`board-column-${status}`}
      onDragOver={(event) => {
        if (!accepts(event)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'move'
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false)
        if (!accepts(event)) return
        event.preventDefault()
        onDropTask!(Number(event.dataTransfer.getData(CARD_DRAG_TYPE)))
      }}
      className={cn(
        'flex min-h-48 flex-col gap-2 rounded-lg border border-border bg-muted/40 p-3 transition-colors',
        over && 'border-primary bg-primary/5'
      )}
    >
      <h2 id={`column-${status}`} className="flex items-center justify-between font-semibold">
        {title}
        <span className="text-sm font-normal text-muted-foreground" data-test="column-count">
          {total}
        </span>
      </h2>
      {children}
      {total > shown && (
        <Link href={listUrl} className="text-sm text-primary hover:underline">
          {total - shown} more in the list
        </Link>
      )}
    </section>
  )
}
