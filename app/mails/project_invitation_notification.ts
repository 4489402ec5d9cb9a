import ActionMail from '#mails/action_mail'

/** Sent to an address without an account, invited to a project: the link to join. */
export default class ProjectInvitationNotification extends ActionMail {
  constructor(
    recipient: { email: string },
    url: string,
    private invitation: { projectName: string; inviterName: string; role: string; days: number }
  ) {
    super({ email: recipient.email, fullName: recipient.email }, url)
  }

  protected content() {
    const { projectName, inviterName, role, days } = this.invitation
    return {
      subject: `${inviterName} invited you to ${projectName} on Atrium`,
      intro: `${inviterName} invited you to join the project "${projectName}" as ${role}. Create an account with this address (or log in) and accept.`,
      action: 'Join the project',
      outro: `The link works for ${days} days. If you did not expect it, ignore this mail.`,
    }
  }
}
