import { urlFor } from '~/lib/client'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { SettingsLayout } from '~/components/settings_layout'
import { TotpSetupForm } from '~/components/totp_setup_form'
import { RecoveryCodesNotice } from '~/components/recovery_codes_notice'
import { PasswordConfirmDialog } from '~/components/password_confirm_dialog'

type TwoFactorProps = {
  status: 'off' | 'setting_up' | 'on'
  setup: { secret: string; qrSvg: string } | null
  remainingRecoveryCodes: number | null
  /** Codes made on the previous request: shown this once. */
  recoveryCodes: string[] | null
}

export default function TwoFactor({
  status,
  setup,
  remainingRecoveryCodes,
  recoveryCodes,
}: TwoFactorProps) {
  return (
    <SettingsLayout title="Two-factor">
      <p className="text-sm text-muted-foreground">
        After your password, ask for a code from an authenticator app on your phone.{' '}
        <Badge tone={status === 'on' ? 'success' : 'neutral'} data-test="two-factor-status">
          {status === 'on' ? 'On' : 'Off'}
        </Badge>
      </p>

      <div className="mt-6 space-y-6">
        {status === 'off' && (
          <PasswordConfirmDialog
            title="Turn on two-factor sign-in"
            description="Enter your password to set up an authenticator app. Your API tokens will stop working once it is on."
            trigger={<Button data-test="two-factor-start">Turn on</Button>}
            url={urlFor('settings.two_factor.store')}
            method="post"
            submitLabel="Continue"
          />
        )}

        {status === 'setting_up' && setup && <TotpSetupForm {...setup} />}

        {status === 'on' && (
          <>
            {recoveryCodes && <RecoveryCodesNotice codes={recoveryCodes} />}
            <p className="text-sm" data-test="recovery-codes-left">
              {remainingRecoveryCodes} recovery {remainingRecoveryCodes === 1 ? 'code' : 'codes'}{' '}
              left.
            </p>
            <div className="flex flex-wrap gap-3">
              <PasswordConfirmDialog
                title="New recovery codes"
                description="Enter your password to replace your recovery codes. The old ones stop working and your other sessions are logged out."
                trigger={
                  <Button variant="secondary" data-test="regenerate-recovery-codes">
                    Regenerate recovery codes
                  </Button>
                }
                url={urlFor('settings.recovery_codes.store')}
                method="post"
                submitLabel="Make new codes"
              />
              <PasswordConfirmDialog
                title="Turn off two-factor sign-in"
                description="Enter your password. Logging in will ask for your password only."
                trigger={
                  <Button variant="danger" data-test="two-factor-off">
                    Turn off
                  </Button>
                }
                url={urlFor('settings.two_factor.destroy')}
                submitLabel="Turn off"
                variant="danger"
              />
            </div>
          </>
        )}
      </div>
    </SettingsLayout>
  )
}
