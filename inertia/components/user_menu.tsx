import { Link, router, usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import type { CurrentUser } from '~/types'
import { buttonClasses } from '~/components/ui/button'
import { DisclosureMenu, disclosureItemClasses } from '~/components/ui/disclosure_menu'

/** The logged-in user's avatar with a menu: who is logged in, settings, the admin (staff), log out. */
export function UserMenu({ user }: { user: NonNullable<CurrentUser> }) {
  const { abilities } = usePage<Data.SharedProps>().props
  return (
    <DisclosureMenu
      buttonLabel="Account menu"
      buttonClassName={buttonClasses('ghost', 'icon')}
      data-test="user-menu"
      label={
        <span className="flex h-8 w-8 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground">
          {user.initials}
        </span>
      }
    >
      {(close) => (
        <>
          <div className="px-2 py-1.5 text-xs text-muted-foreground">
            <span className="block font-medium text-foreground">{user.fullName}</span>
            <span className="block">{user.email}</span>
          </div>
          <div className="my-1 h-px bg-border" />
          <Link
            href={urlFor('settings.profile.edit')}
            className={disclosureItemClasses}
            onClick={close}
            data-test="settings-link"
          >
            Settings
          </Link>
          {abilities.enterAdmin && (
            <Link
              href={urlFor('admin.index')}
              className={disclosureItemClasses}
              onClick={close}
              data-test="admin-link"
            >
              Admin
            </Link>
          )}
          <button
            type="button"
            className={disclosureItemClasses}
            data-test="logout"
            onClick={() => {
              close()
              router.post(urlFor('session.destroy'))
            }}
          >
            Log out
          </button>
        </>
      )}
    </DisclosureMenu>
  )
}
