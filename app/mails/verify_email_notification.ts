import ActionMail from '#mails/action_mail'
import accountsConfig from '#config/accounts'

/** Sent after sign-up and after an email change: the link that proves the address is theirs. */
export default class VerifyEmailNotification extends ActionMail {
  protected content() {
    return {
      subject: 'Verify your email address',
      intro: 'Please confirm that this is your email address by following the link below.',
      action: 'Verify email address',
      outro: `The link works for ${accountsConfig.verificationLinkExpiresIn}. If you did not ask for it, ignore this mail.`,
    }
  }
}
