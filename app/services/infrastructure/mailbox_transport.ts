import { randomUUID } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import logger from '@adonisjs/core/services/logger'
import { MailResponse } from '@adonisjs/mail'
import type { MailTransportContract, NodeMailerMessage, Recipient } from '@adonisjs/mail/types'

/** A message kept by the development mailbox, as the mailbox page lists it. */
export type MailboxMessage = {
  id: string
  sentAt: string
  from: string
  to: string[]
  subject: string
  text: string
  html: string
  links: string[]
}

function address(recipient: Recipient | undefined): string {
  if (!recipient) return ''
  return typeof recipient === 'string' ? recipient : recipient.address
}

function body(value: NodeMailerMessage['text']): string {
  return typeof value === 'string' ? value : value ? String(value) : ''
}

/** Every http(s) link in a message body, in order, without duplicates. */
export function extractLinks(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s"'<>]+/g) ?? [])].map((link) =>
    link.replaceAll('&amp;', '&')
  )
}

/**
 * A mail transport for development: instead of sending, it writes each message as a JSON file in a
 * folder (tmp/mailbox) and logs its subject, recipients and links. The /dev/mailbox page reads them.
 */
export class MailboxTransport implements MailTransportContract {
  constructor(private folder: string) {}

  async send(message: NodeMailerMessage): Promise<MailResponse<MailboxMessage>> {
    const text = body(message.text)
    const html = body(message.html)
    const kept: MailboxMessage = {
      id: `${Date.now()}-${randomUUID()}`,
      sentAt: new Date().toISOString(),
      from: address(message.from),
      to: (message.to ?? []).map(address),
      subject: message.subject ?? '',
      text,
      html,
      links: extractLinks(text || html),
    }

    await mkdir(this.folder, { recursive: true })
    await writeFile(join(this.folder, `${kept.id}.json`), JSON.stringify(kept, null, 2))
    logger.info({ to: kept.to, subject: kept.subject, links: kept.links }, 'mail kept in mailbox')

    return new MailResponse(kept.id, { from: kept.from, to: kept.to }, kept)
  }
}

/** The messages of a mailbox folder, newest first; an empty list when there are none. */
export async function readMailbox(folder: string, limit = 50): Promise<MailboxMessage[]> {
  let files: string[]
  try {
    files = await readdir(folder)
  } catch {
    return []
  }
  const newest = files
    .filter((file) => file.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit)
  return Promise.all(
    newest.map(async (file) => JSON.parse(await readFile(join(folder, file), 'utf8')))
  )
}
