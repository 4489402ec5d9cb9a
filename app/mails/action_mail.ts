import { BaseMail } from '@adonisjs/mail'

/** The wording of a mail that asks the reader to follow one link. */
export type ActionMailContent = {
  subject: string
  intro: string
  action: string
  outro: string
}

/**
 * A mail with one call to action (verify, reset): an HTML version from
 * resources/views/emails/action.edge and a plain-text version with the same words and link.
 */
export default abstract class ActionMail extends BaseMail {
  constructor(
    protected recipient: { email: string; fullName: string },
    protected url: string
  ) {
    super()
  }

  protected abstract content(): ActionMailContent

  prepare() {
    const content = this.content()
    this.message
      .to(this.recipient.email, this.recipient.fullName)
      .subject(content.subject)
      .htmlView('emails/action', { ...content, name: this.recipient.fullName, url: this.url })
      .text(
        [
          `Hello ${this.recipient.fullName},`,
          '',
          content.intro,
          '',
          `${content.action}: ${this.url}`,
          '',
          content.outro,
        ].join('\n')
      )
  }
}
