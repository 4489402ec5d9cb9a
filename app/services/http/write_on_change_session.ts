import string from '@adonisjs/core/helpers/string'
import { Session } from '@adonisjs/session'
import type { SessionConfig } from '@adonisjs/session/types'

/** Where a session keeps the time (ms since the epoch) its cookie and data were last written. */
export const WRITTEN_AT_KEY = '__written_at__'

/**
 * An unchanged session is written again once this share of its age has passed since its last
 * write, so that it stays alive while it is used: with `age: '2h'`, every 30 minutes at most.
 */
export const RENEW_AFTER_SHARE = 0.25

const ages = new WeakMap<SessionConfig, number>()

/** The configured session age in milliseconds, parsed once per config object. */
function ageInMs(config: SessionConfig): number {
  let age = ages.get(config)
  if (age === undefined) {
    age = string.milliseconds.parse(config.age)
    ages.set(config, age)
  }
  return age
}

/**
 * The session of @adonisjs/session, committed only when there is something to write: new data,
 * flash messages, a new session id, a fresh session, or a renewal due. The package's session
 * signs the id cookie and writes (or touches) the store on every response; an unchanged session
 * here sends no cookie and costs no crypto and no store call.
 *
 * Expiry stays as configured: every write records its time (`WRITTEN_AT_KEY`) in the session and
 * sets the cookie (and the store's TTL) to the full age; an unchanged session is written again
 * once `RENEW_AFTER_SHARE` of its age has passed. A session therefore ends after between 3/4 of
 * its age and its full age without a request (90 to 120 minutes with `age: '2h'`), and a session
 * whose last write is older than its age is treated as expired even if its cookie was kept.
 */
export class WriteOnChangeSession extends Session {
  #renewalHeld = false

  /**
   * Keeps this request from renewing the session: a request that is no sign of use (a live
   * page's stream, open for hours) must not keep an idle session alive.
   */
  holdRenewal() {
    this.#renewalHeld = true
  }

  /** When the session expires (ms since the epoch) unless a later request renews it. */
  get expiresAt(): number {
    const writtenAt = this.get(WRITTEN_AT_KEY)
    return (typeof writtenAt === 'number' ? writtenAt : Date.now()) + ageInMs(this.config)
  }

  async initiate(readonly: boolean) {
    await super.initiate(readonly)
    if (this.readonly || this.isEmpty) return
    const writtenAt = this.get(WRITTEN_AT_KEY)
    if (typeof writtenAt === 'number' && Date.now() - writtenAt > ageInMs(this.config)) {
      this.clear()
      this.flashMessages.clear()
    }
  }

  /** Whether this response must write the session (its cookie, and its data to the store). */
  get needsCommit(): boolean {
    if (!this.initiated || this.readonly) return false
    return (
      this.fresh ||
      this.hasBeenModified ||
      this.hasRegeneratedSession ||
      !this.responseFlashMessages.isEmpty ||
      this.#renewalDue()
    )
  }

  #renewalDue(): boolean {
    if (this.isEmpty || this.#renewalHeld) return false
    const writtenAt = this.get(WRITTEN_AT_KEY)
    if (typeof writtenAt !== 'number') return true
    return Date.now() - writtenAt >= ageInMs(this.config) * RENEW_AFTER_SHARE
  }

  async commit() {
    if (!this.needsCommit) return
    if (!this.isEmpty) this.put(WRITTEN_AT_KEY, Date.now())
    return super.commit()
  }
}
