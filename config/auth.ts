import { defineConfig } from '@adonisjs/auth'
import accountsConfig from '#config/accounts'
import { trackedSessionGuard } from '#services/accounts/tracked_session_guard'
import { tokensGuard, tokensUserProvider } from '@adonisjs/auth/access_tokens'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'

/**
 * Authentication: the pages' session guard (`web`, the default) and the API's personal access
 * tokens (`api`: `Authorization: Bearer atr_...`, see `User.accessTokens`), both backed by the
 * User model. The session guard loads the user and the session's tracking row in one query.
 */
const authConfig = defineConfig({
  default: 'web',
  guards: {
    web: trackedSessionGuard({
      useRememberMeTokens: true,
      rememberMeTokensAge: accountsConfig.rememberMeFor,
      model: () => import('#models/user'),
    }),
    api: tokensGuard({
      provider: tokensUserProvider({
        tokens: 'accessTokens',
        model: () => import('#models/user'),
      }),
    }),
  },
})

export default authConfig

declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
