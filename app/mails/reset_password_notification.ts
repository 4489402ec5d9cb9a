import ActionMail from '#mails/action_mail'
import accountsConfig from '#config/accounts'

/** Sent when someone asks to reset the password of an existing account. */
export default class ResetPasswordNotification extends ActionMail {
  protected content() {
    return {
      subject: 'Reset your password',
      intro:
        'Someone asked to reset the password of your Atrium account. If it was you, choose a new one:',
      action: 'Choose a new password',
      outro: `The link works once, for ${accountsConfig.passwordResetExpiresInMinutes} minutes. If you did not ask for it, ignore this mail: your password stays as it is.`,
    }
  }
}
