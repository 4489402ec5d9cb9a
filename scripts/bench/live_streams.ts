import { Agent, request, type ClientRequest, type IncomingMessage } from 'node:http'

/** One server-sent event of a live stream: the channel, and what was said there. */
export type LiveEvent = { channel: string; payload: Record<string, unknown> }

/** The channel of the pings that keep a stream open. */
export const PING_CHANNEL = '$$transmit/ping'

/** What happens to the streams, told as it happens (times from performance.now()). */
export type LiveStreamListener = {
  /** An event arrived on stream `index`. */
  onEvent(index: number, event: LiveEvent, at: number): void
  /** Stream `index` ended (the server closed it, or it broke). */
  onEnd(index: number, at: number): void
}

/** How a stream answered when it was opened. */
type Opening = { status: number; body: string }

/**
 * Many live streams held by one process, each read event by event as it arrives, over node:http
 * sockets without a pool limit. Used by the live benchmark to play a crowd of open pages.
 */
export class LiveStreams {
  readonly #agent = new Agent({ keepAlive: false, maxSockets: Infinity })
  readonly #requests: ClientRequest[] = []
  readonly #responses: IncomingMessage[] = []
  readonly #ended = new Set<number>()
  readonly #url: string
  readonly #headersOf: (index: number) => Record<string, string>
  readonly #listener: LiveStreamListener

  /**
   * Streams of `url` (a /live URL with its channels); stream `index` is opened with the headers
   * `headersOf(index)` gives (whose session cookie).
   */
  constructor(
    url: string,
    headersOf: (index: number) => Record<string, string>,
    listener: LiveStreamListener
  ) {
    this.#url = url
    this.#headersOf = headersOf
    this.#listener = listener
  }

  /**
   * Opens `count` streams, at most `inFlight` at a time, and resolves when each has answered:
   * with the statuses that were not 200 (and the start of their body), if any.
   */
  async open(count: number, inFlight = 100): Promise<Opening[]> {
    const refused: Opening[] = []
    let next = 0
    const opener = async () => {
      while (next < count) {
        const opening = await this.#openOne(next++)
        if (opening) refused.push(opening)
      }
    }
    await Promise.all(Array.from({ length: Math.min(inFlight, count) }, opener))
    return refused
  }

  /** Opens stream `index`: null once it answered 200, else its status and body. */
  #openOne(index: number): Promise<Opening | null> {
    return new Promise((resolve) => {
      const outgoing = request(this.#url, {
        agent: this.#agent,
        headers: { ...this.#headersOf(index), accept: 'text/event-stream' },
      })
      this.#requests.push(outgoing)
      outgoing.on('error', (error) => {
        resolve({ status: 0, body: error.message })
        this.#end(index)
      })
      outgoing.on('response', (response) => {
        this.#responses.push(response)
        response.setEncoding('utf8')
        if (response.statusCode !== 200) {
          let body = ''
          response.on('data', (chunk: string) => (body += chunk))
          response.on('end', () =>
            resolve({ status: response.statusCode!, body: body.slice(0, 200) })
          )
          return
        }
        resolve(null)
        this.#read(index, response)
      })
      outgoing.end()
    })
  }

  /** Reads the events of an open stream, each as soon as its blank line arrives. */
  #read(index: number, response: IncomingMessage) {
    let buffer = ''
    const end = () => this.#end(index)
    response.on('data', (chunk: string) => {
      const at = performance.now()
      buffer += chunk
      let boundary: number
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer
          .slice(0, boundary)
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n')
        buffer = buffer.slice(boundary + 2)
        if (data !== '') this.#listener.onEvent(index, JSON.parse(data) as LiveEvent, at)
      }
    })
    response.on('end', end)
    response.on('close', end)
    response.on('error', end)
  }

  #end(index: number) {
    if (this.#ended.has(index)) return
    this.#ended.add(index)
    this.#listener.onEnd(index, performance.now())
  }

  /** Closes every socket still open, as leaving the pages does. */
  close() {
    for (const response of this.#responses) response.destroy()
    for (const outgoing of this.#requests) outgoing.destroy()
    this.#agent.destroy()
  }
}
