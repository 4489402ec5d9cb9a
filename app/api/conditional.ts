import { createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import { ApiException } from '#api/api_exception'

/**
 * The ETag of a representation: its row's version when it has one (tasks: `"v7"`), otherwise a
 * digest of the representation itself, so any change to what a client read changes the tag.
 */
export function etagOf(data: object & { version?: number }): string {
  if (typeof data.version === 'number') return `"v${data.version}"`
  const digest = createHash('sha256').update(JSON.stringify(data)).digest('base64url')
  return `"h${digest.slice(0, 22)}"`
}

/** The entity tags of an If-Match or If-None-Match header (`*` stays `*`; weak tags compare as strong). */
function tagsOf(header: string | undefined): string[] {
  if (!header) return []
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .filter(Boolean)
}

/**
 * Sets the ETag of a read and answers 304 (no body) when the client's If-None-Match already holds
 * it. Returns true when the 304 was sent and the caller must stop.
 */
export function notModified(ctx: HttpContext, etag: string): boolean {
  ctx.response.header('ETag', etag)
  const tags = tagsOf(ctx.request.header('if-none-match'))
  if (!tags.includes('*') && !tags.includes(etag)) return false
  ctx.response.status(304)
  ctx.response.send('')
  return true
}

/**
 * The If-Match tags of a write that may send them (a DELETE): empty when the header is absent;
 * when sent, compare them with {@link assertCurrent} under the row's lock.
 */
export function ifMatchOf(ctx: HttpContext): string[] {
  return tagsOf(ctx.request.header('if-match'))
}

/**
 * The If-Match tags of a write: required (428 without), so a client cannot overwrite a change it
 * never saw. Compare them with {@link assertCurrent} under the row's lock.
 */
export function requireIfMatch(ctx: HttpContext): string[] {
  const tags = ifMatchOf(ctx)
  if (tags.length === 0) {
    throw new ApiException(
      428,
      'Send If-Match with the ETag you read (If-Match: "v3"), so that nobody\'s change is overwritten unseen.',
      { code: 'E_PRECONDITION_REQUIRED' }
    )
  }
  return tags
}

/**
 * Refuses a write whose If-Match does not name the current representation: 412, with that
 * representation (`current`) and its ETag, for the client to merge and retry.
 */
export function assertCurrent(tags: string[], current: object & { version?: number }) {
  const etag = etagOf(current)
  if (tags.includes('*') || tags.includes(etag)) return
  throw new ApiException(
    412,
    'Someone changed this since you read it. Nothing was saved: `current` holds what is there now.',
    { code: 'E_PRECONDITION_FAILED', current, headers: { ETag: etag } }
  )
}

/** The version an If-Match tag of a versioned row names (`"v7"` → 7), or null. */
export function versionOf(tags: string[]): number | null {
  for (const tag of tags) {
    const match = /^"v(\d+)"$/.exec(tag)
    if (match) return Number(match[1])
  }
  return null
}
