import type { CeilingDatabase } from './database.ts'
import type { SessionSigner } from './session_cookie.ts'

/** What every handler of the ceiling works with, made once per worker. */
export type CeilingContext = {
  db: CeilingDatabase
  signer: SessionSigner
  /** The asset version Atrium's pages carry (Inertia visits must send it). */
  version: string
  /** The bytes of Atrium's /login page, served as a static file. */
  loginHtml: Buffer
  /** Whether cookies are `Secure`, as Atrium's in production. */
  secureCookies: boolean
}
