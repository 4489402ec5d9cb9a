import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { SettingsLayout } from '~/components/settings_layout'
import { PasswordConfirmDialog } from '~/components/password_confirm_dialog'

export default function Account() {
  return (
    <SettingsLayout title="Delete account">
      <p className="text-sm text-muted-foreground">
        Deleting your account removes your profile, your sessions and your pending links at once. It
        cannot be undone.
      </p>
      <div className="mt-4">
        <PasswordConfirmDialog
          title="Delete your account?"
          description="Enter your password to confirm. This cannot be undone."
          trigger={
            <Button variant="danger" data-test="delete-account">
              Delete account
            </Button>
          }
          url={urlFor('settings.account.destroy')}
          submitLabel="Delete my account"
          variant="danger"
        />
      </div>
    </SettingsLayout>
  )
}
