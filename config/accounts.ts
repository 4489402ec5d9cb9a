import env from '#start/env'

/*
|--------------------------------------------------------------------------
| Accounts
|--------------------------------------------------------------------------
|
| Rules of sign-up, verification and password reset. Change them here.
|
*/
const accountsConfig = {
  /** Send unverified users to the "verify your email" page instead of the app. */
  requireVerifiedEmail: env.get('ACCOUNTS_REQUIRE_VERIFIED_EMAIL', false),

  /**
   * Staff must have a second factor (two-factor sign-in) to use the admin; without one, an admin
   * page sends them to set it up.
   */
  requireSecondFactorForStaff: env.get('ACCOUNTS_REQUIRE_2FA_FOR_STAFF', false),

  /** How long an email verification link works. */
  verificationLinkExpiresIn: '24 hours',

  /** How long a password reset link works. */
  passwordResetExpiresInMinutes: 60,

  /** How long "remember me" keeps a user logged in. */
  rememberMeFor: '30 days',
}

export default accountsConfig
