import type { ReactNode } from 'react'
import * as Menu from '@radix-ui/react-dropdown-menu'
import { cn } from '~/lib/cn'

/** A menu opened from a trigger: arrow keys move, Enter picks, Escape closes. */
export function DropdownMenu({ trigger, children }: { trigger: ReactNode; children: ReactNode }) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-48 rounded-md border border-border bg-card p-1 shadow-lg"
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  )
}

const itemClasses =
  'flex w-full cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-left text-sm outline-none data-highlighted:bg-muted'

/** One entry of a {@link DropdownMenu}; `asChild` lets a link or button be the item. */
export function DropdownMenuItem({ className, ...props }: Menu.DropdownMenuItemProps) {
  return <Menu.Item className={cn(itemClasses, className)} {...props} />
}

/** A non-interactive heading inside a menu. */
export function DropdownMenuLabel({ children }: { children: ReactNode }) {
  return <Menu.Label className="px-2 py-1.5 text-xs text-muted-foreground">{children}</Menu.Label>
}

/** A line between groups of items. */
export function DropdownMenuSeparator() {
  return <Menu.Separator className="my-1 h-px bg-border" />
}
