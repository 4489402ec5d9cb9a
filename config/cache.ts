import { defineConfig, drivers, store } from '@adonisjs/cache'
import { redisConfigured } from '#config/redis'

/*
|--------------------------------------------------------------------------
| Cache
|--------------------------------------------------------------------------
|
| Small, often read lists (a project's members and labels, for its task
| forms and filters) are kept in each process's memory. With Redis, a
| second layer there shares them between processes and a bus tells every
| process to drop an entry the moment one of them changes it. Without
| Redis, each process drops its own copy on its own writes, and another
| process may show the old list until the entry expires (`ttl`).
|
*/

/** How long an entry lives: short without Redis, where other processes are not told. */
const TTL = redisConfigured ? '10m' : '30s'

const memory = () => drivers.memory({ maxSize: '16mb' })

const cacheConfig = defineConfig({
  default: 'default',
  ttl: TTL,
  stores: {
    default: redisConfigured
      ? store()
          .useL1Layer(memory())
          .useL2Layer(drivers.redis({ connectionName: 'main' }))
          .useBus(drivers.redisBus({ connectionName: 'main' }))
      : store().useL1Layer(memory()),
  },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}
