import ActionMail from '#mails/action_mail'

/** Sent after sign-up and after an email change: the link that proves the address is theirs. */
export default class VerifyEmailNotification extends ActionMail {
  protected content() {
    return {
      subject: 'Verify your email address',
      intro: 'Please confirm that this is your email address by following the link below.',
      action: 'Verify email address',
      outro:
        'The link works for 24 hours. If you did not create an Atrium account, ignore this mail.',
    }
  }
}
