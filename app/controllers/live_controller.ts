import { randomUUID } from 'node:crypto'
import type User from '#models/user'
import type { HttpContext } from '@adonisjs/core/http'
import transmit from '@adonisjs/transmit/services/main'
import { readLiveChannelsValidator } from '#validators/live'
import { mayWatch, parseChannel, type WatchedChannel } from '#live/live_channels'
import {
  ENDED,
  MAX_STREAMS_PER_USER,
  STALE,
  holdConnection,
  releaseConnection,
  streamCountOf,
} from '#live/live_connections'
import { changedSince } from '#live/changed_since'
import { trackedSessionKeyHash } from '#services/accounts/session_tracker'
import { WriteOnChangeSession } from '#services/http/write_on_change_session'
import { MAX_LIVE_CHANNELS } from '#shared/live'

/** What a page asked to follow, once every channel was found allowed. */
type AllowedStream = { channels: WatchedChannel[]; presence: string | null; since?: number }

/**
 * A live page's stream of changes (server-sent events). The page names its channels in the
 * query string; each is authorized like the page itself, all at once, before the stream opens,
 * on the process that then holds the stream. Asked for JSON, the same URL only answers whether
 * the stream would open (204, or the refusal), which a page uses to learn why its stream ended.
 */
export default class LiveController {
  async show(ctx: HttpContext) {
    const { auth, request, response, session } = ctx
    if (!(await auth.check())) {
      return response.unauthorized({ errors: [{ message: 'Log in to follow live changes' }] })
    }
    const user = auth.getUserOrFail()
    const allowed = await this.#allowedStream(ctx, user)
    if (!allowed) return

    // Neither a stream nor a page's question about it is a sign of use: the session is not renewed.
    if (session instanceof WriteOnChangeSession) session.holdRenewal()
    if (request.accepts(['text/event-stream', 'json']) === 'json') return response.noContent()
    if (streamCountOf(user.id) >= MAX_STREAMS_PER_USER) {
      return response.tooManyRequests({
        errors: [{ message: 'Too many live pages are open: close some tabs and reload this one' }],
      })
    }
    return this.#open(ctx, user, allowed)
  }

  /** The channels asked for when they exist and the user may watch them all; else answers why. */
  async #allowedStream(ctx: HttpContext, user: User): Promise<AllowedStream | null> {
    const {
      channels: names,
      presence,
      since,
    } = await ctx.request.validateUsing(readLiveChannelsValidator)
    const channels = names.map(parseChannel).filter((channel) => channel !== null)
    if (
      names.length > MAX_LIVE_CHANNELS ||
      channels.length < names.length ||
      (presence !== undefined && !names.includes(presence))
    ) {
      ctx.response.unprocessableEntity({ errors: [{ message: 'Unknown live channels' }] })
      return null
    }
    for (const channel of channels) {
      if (!(await mayWatch(ctx.bouncer, user, channel))) {
        ctx.response.notFound({ errors: [{ message: `No channel ${channel.name}` }] })
        return null
      }
    }
    return { channels, presence: presence ?? null, since }
  }

  /** Opens the stream, held by this process until the browser leaves or access ends. */
  async #open(ctx: HttpContext, user: User, { channels, presence, since }: AllowedStream) {
    const { request, response, session } = ctx
    const uid = randomUUID()
    const stream = transmit.createStream({
      uid,
      context: ctx,
      request: request.request,
      response: response.response,
      injectResponseHeaders: response.getHeaders(),
    })
    for (const { name } of channels) {
      await transmit.subscribe({ uid, channel: name, context: ctx, skipAuthorization: true })
    }
    // A ping can still reach a stream between its end and its removal; it is dropped then.
    stream.on('error', () => {})

    const held = holdConnection({
      uid,
      userId: user.id,
      sessionKeyHash: trackedSessionKeyHash(ctx),
      sessionExpiresAt: session instanceof WriteOnChangeSession ? session.expiresAt : Infinity,
      channels,
      presence,
      viewer: { id: user.id, name: user.fullName || user.email, initials: user.initials },
      end: () => {
        if (stream.writableEnded) return
        for (const { name } of channels) void transmit.unsubscribe({ uid, channel: name })
        stream.end({ data: { channel: '$live', payload: ENDED } })
      },
    })
    response.response.once('close', () => void releaseConnection(uid))
    await held

    // Checked once the stream listens, so that a change is either caught here or streamed.
    const projectIds = [...new Set(channels.flatMap((channel) => channel.projectId ?? []))]
    if (since !== undefined && (await changedSince(projectIds, since))) {
      stream.writeMessage({ data: { channel: '$live', payload: STALE } })
    }
    return response.stream(stream)
  }
}
