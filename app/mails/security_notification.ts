import ActionMail from '#mails/action_mail'

/** The changes to how someone signs in that Atrium tells them about by mail. */
export const SECURITY_EVENTS = {
  two_factor_enabled: {
    subject: 'Two-factor sign-in is on',
    intro:
      'Your Atrium account now asks for a code from your authenticator app after the password.',
  },
  two_factor_disabled: {
    subject: 'Two-factor sign-in is off',
    intro: 'Your Atrium account no longer asks for a code from an authenticator app.',
  },
  two_factor_reset: {
    subject: 'Your second factor was reset',
    intro:
      'A staff member reset the second factor of your Atrium account: its authenticator app, recovery codes and passkeys no longer work.',
  },
  recovery_code_used: {
    subject: 'A recovery code was used',
    intro: 'Someone logged in to your Atrium account with one of its recovery codes.',
  },
  two_factor_attempts: {
    subject: 'Several wrong two-factor codes',
    intro:
      'Someone typed your Atrium password and then several wrong codes for the second step, so its code form is locked for 15 minutes. If this was not you, your password is known to someone else.',
  },
  recovery_codes_regenerated: {
    subject: 'New recovery codes',
    intro: 'New recovery codes were made for your Atrium account; the old ones no longer work.',
  },
  passkey_added: {
    subject: 'A passkey was added',
    intro: 'A passkey was added to your Atrium account.',
  },
  passkey_removed: {
    subject: 'A passkey was removed',
    intro: 'A passkey was removed from your Atrium account.',
  },
} as const

/** One of SECURITY_EVENTS. */
export type SecurityEvent = keyof typeof SECURITY_EVENTS

/**
 * Sent when the way someone signs in changes (second factor on or off, a recovery code used, a
 * passkey added or removed), with a link to the settings where they can undo it.
 */
export default class SecurityNotification extends ActionMail {
  constructor(
    recipient: { email: string; fullName: string },
    url: string,
    protected event: SecurityEvent,
    protected detail: string | null = null
  ) {
    super(recipient, url)
  }

  protected content() {
    const { subject, intro } = SECURITY_EVENTS[this.event]
    return {
      subject,
      intro: this.detail ? `${intro} (${this.detail})` : intro,
      action: 'Review how you sign in',
      outro:
        'If this was you, there is nothing to do. If it was not, change your password at once and review your sign-in settings.',
    }
  }
}
