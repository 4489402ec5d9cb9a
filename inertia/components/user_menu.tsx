import { router } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import type { CurrentUser } from '~/types'
import { Button } from '~/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
} from '~/components/ui/dropdown_menu'

/** The logged-in user's avatar with a menu: who is logged in, and log out. */
export function UserMenu({ user }: { user: NonNullable<CurrentUser> }) {
  return (
    <DropdownMenu
      trigger={
        <Button variant="ghost" size="icon" aria-label="Account menu" data-test="user-menu">
          <span className="flex h-8 w-8 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">
            {user.initials}
          </span>
        </Button>
      }
    >
      <DropdownMenuLabel>
        <span className="block font-medium text-foreground">{user.fullName}</span>
        <span className="block">{user.email}</span>
      </DropdownMenuLabel>
      <DropdownMenuSeparator />
      <DropdownMenuItem data-test="logout" onSelect={() => router.post(urlFor('session.destroy'))}>
        Log out
      </DropdownMenuItem>
    </DropdownMenu>
  )
}
