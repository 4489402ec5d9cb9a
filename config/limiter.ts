import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

/*
|--------------------------------------------------------------------------
| Rate limits
|--------------------------------------------------------------------------
|
| Counters live in the database by default (the rate_limits table), so
| they hold across processes with no extra service; Redis when
| LIMITER_STORE=redis. The limits themselves are in
| app/services/account_throttle.ts.
|
*/
const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE', 'database'),

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
