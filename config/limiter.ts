import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'
import { redisConfigured } from '#config/redis'

/*
|--------------------------------------------------------------------------
| Rate limits
|--------------------------------------------------------------------------
|
| Counters live in Redis when it is configured, else in the database (the
| rate_limits table): either way they hold across processes. LIMITER_STORE
| chooses explicitly. The limits themselves are in
| app/services/accounts/account_throttle.ts.
|
*/
const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE') ?? (redisConfigured ? 'redis' : 'database'),

  stores: {
    database: stores.database({ tableName: 'rate_limits' }),
    redis: stores.redis({}),
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
