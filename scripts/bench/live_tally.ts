// What the live streams heard of the timed moves, as they hear it.
import { type LiveEvent, type LiveStreamListener, PING_CHANNEL } from './live_streams.ts'

/** One timed board move and when each stream heard of it (NaN: not yet). */
export type Write = { sentAt: number; requestMs: number; status: number; arrivals: Float64Array }

/** What the streams heard, kept as they hear it: pings, the moves' changes, their end. */
export class LiveTally implements LiveStreamListener {
  readonly firstPing: Float64Array
  readonly endedAt: Float64Array
  /** The timed moves by `taskId:version`, the key their change messages carry. */
  readonly writes = new Map<string, Write>()
  endedMessages = 0
  otherMessages = 0

  constructor(clients: number) {
    this.firstPing = new Float64Array(clients).fill(Number.NaN)
    this.endedAt = new Float64Array(clients).fill(Number.NaN)
  }

  onEvent(index: number, event: LiveEvent, at: number) {
    const payload = event.payload
    if (event.channel === PING_CHANNEL) {
      if (Number.isNaN(this.firstPing[index])) this.firstPing[index] = at
    } else if (event.channel === '$live' && payload.type === 'ended') {
      this.endedMessages++
    } else if (payload.type === 'change' && payload.subject === 'task') {
      const write = this.writes.get(`${payload.id}:${payload.version}`)
      if (write && Number.isNaN(write.arrivals[index])) write.arrivals[index] = at
      else this.otherMessages++
    } else {
      this.otherMessages++
    }
  }

  onEnd(index: number, at: number) {
    if (Number.isNaN(this.endedAt[index])) this.endedAt[index] = at
  }

  /** How many streams have ended so far. */
  ended(): number {
    return this.endedAt.filter((at) => !Number.isNaN(at)).length
  }
}
