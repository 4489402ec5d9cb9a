import ActionMail from '#mails/action_mail'

/** Sent when a large admin CSV export is written: the link that downloads it. */
export default class ExportReadyNotification extends ActionMail {
  constructor(
    recipient: { email: string; fullName: string },
    url: string,
    private exported: { label: string; rows: number; hours: number }
  ) {
    super(recipient, url)
  }

  protected content() {
    const { label, rows, hours } = this.exported
    const count = `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`
    return {
      subject: 'Your export is ready',
      intro: `The CSV export of ${label} you asked for in the Atrium admin is ready: ${count}.`,
      action: 'Download the export',
      outro: `The link works for ${hours} hours, for you only, while you may view ${label}.`,
    }
  }
}
