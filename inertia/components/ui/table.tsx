import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react'
import { cn } from '~/lib/cn'

/** A data table that scrolls sideways on narrow screens instead of breaking the layout. */
export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="w-full overflow-x-auto rounded-lg border border-border">
      <table className={cn('w-full border-collapse text-sm', className)} {...props} />
    </div>
  )
}

/** A header cell; `scope="col"` by default so screen readers tie cells to their column. */
export function Th({ className, scope = 'col', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope}
      className={cn('bg-muted px-3 py-2 text-left font-medium text-muted-foreground', className)}
      {...props}
    />
  )
}

/** A body cell. */
export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-t border-border px-3 py-2', className)} {...props} />
}
