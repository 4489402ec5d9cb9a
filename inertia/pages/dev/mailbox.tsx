import { Head } from '@inertiajs/react'

type MailboxProps = {
  messages: {
    id: string
    sentAt: string
    to: string[]
    subject: string
    text: string
    links: string[]
  }[]
}

/** Development only: the mails the app sent, newest first, with their links. */
export default function Mailbox({ messages }: MailboxProps) {
  return (
    <>
      <Head title="Mailbox" />
      <h1 className="text-2xl font-bold tracking-tight">Mailbox</h1>
      <p className="mt-1 text-muted-foreground">
        Development only: mails are kept under tmp/mailbox instead of being sent.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8 text-sm text-muted-foreground" data-test="mailbox-empty">
          No mail yet.
        </p>
      ) : (
        <ul className="mt-6 space-y-4">
          {messages.map((message) => (
            <li
              key={message.id}
              className="rounded-lg border border-border bg-card p-4"
              data-test="mailbox-message"
            >
              <p className="font-medium">{message.subject}</p>
              <p className="text-sm text-muted-foreground">
                To {message.to.join(', ')} ·{' '}
                <time dateTime={message.sentAt}>
                  {message.sentAt.replace('T', ' ').slice(0, 19)} UTC
                </time>
              </p>
              <pre className="mt-3 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]">
                {message.text}
              </pre>
              {message.links.map((link) => (
                <a key={link} href={link} className="mt-2 block text-sm break-all text-primary">
                  {link}
                </a>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
