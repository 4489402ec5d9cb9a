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

  /** How long an email verification link works. */
  verificationLinkExpiresIn: '24 hours',

  /** How long a password reset link works. */
  passwordResetExpiresInMinutes: 60,

  /** How long "remember me" keeps a user logged in. */
  rememberMeFor: '30 days',
}

export default accountsConfig
