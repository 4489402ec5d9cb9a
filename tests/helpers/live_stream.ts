import type { LiveMessage } from '#shared/live'
import type { CookieClient } from '#tests/helpers/cookie_client'
import { testServerUrl } from '#tests/helpers/test_server'

/** A message as the stream carries it: the channel, and what was said there. */
export type StreamedMessage = { channel: string; payload: LiveMessage }

/**
 * A live stream opened as a browser's EventSource opens it, read message by message: tests wait
 * for the next message that matches, or for the stream to end.
 */
export class LiveStream {
  readonly messages: StreamedMessage[] = []
  ended = false
  #waiters = new Set<() => void>()
  #abort = new AbortController()

  private constructor(readonly response: Response) {}

  /**
   * Opens the stream of `channels` with the cookies of `browser`, counted among the viewers of
   * `presence` if given, for a page read at `since`, on the test server or on the server at
   * `server` (a base URL).
   */
  static async open(
    browser: CookieClient,
    channels: string[],
    options: { presence?: string; server?: string; since?: number } = {}
  ): Promise<LiveStream> {
    const query = new URLSearchParams({ channels: channels.join(',') })
    if (options.presence) query.set('presence', options.presence)
    if (options.since) query.set('since', String(options.since))
    const path = `/live?${query}`
    const abort = new AbortController()
    const response = await fetch(options.server ? options.server + path : testServerUrl(path), {
      headers: { cookie: browser.cookieHeader, accept: 'text/event-stream' },
      redirect: 'manual',
      signal: abort.signal,
    })
    const stream = new LiveStream(response)
    stream.#abort = abort
    if (response.ok && response.body) void stream.#read(response.body)
    else stream.ended = true
    return stream
  }

  async #read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = event
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n')
          if (data === '') continue
          const message = JSON.parse(data) as StreamedMessage
          if (message.channel !== '$$transmit/ping') this.messages.push(message)
          this.#wake()
        }
      }
    } catch {
      // Closed by the test.
    }
    this.ended = true
    this.#wake()
  }

  #wake() {
    for (const waiter of this.#waiters) waiter()
  }

  /** Waits until `done` holds (checked on every message and at the end), or fails after `ms`. */
  async until(done: () => boolean, what: string, ms = 8000): Promise<void> {
    if (done()) return
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(check)
        reject(new Error(`Timed out waiting for ${what}; got ${JSON.stringify(this.messages)}`))
      }, ms)
      const check = () => {
        if (!done()) return
        clearTimeout(timer)
        this.#waiters.delete(check)
        resolve()
      }
      this.#waiters.add(check)
    })
  }

  /** Waits for a message on `channel` whose payload matches `match`, and returns it. */
  async next(
    channel: string,
    match: (payload: LiveMessage) => boolean = () => true
  ): Promise<LiveMessage> {
    let found: StreamedMessage | undefined
    await this.until(
      () =>
        (found = this.messages.find((m) => m.channel === channel && match(m.payload))) !==
        undefined,
      `a message on ${channel}`
    )
    this.messages.splice(this.messages.indexOf(found!), 1)
    return found!.payload
  }

  /** Waits for the server to end the stream. */
  async end(): Promise<void> {
    await this.until(() => this.ended, 'the stream to end')
  }

  /** Closes the stream as a browser leaving the page does. */
  close() {
    this.#abort.abort()
  }
}
