/*
|--------------------------------------------------------------------------
| Redis logs
|--------------------------------------------------------------------------
|
| A Redis outage is logged when it starts and when it ends, not at every
| reconnection attempt (the connection retries forever, see config/redis.ts).
|
*/

import logger from '@adonisjs/core/services/logger'
import redis from '@adonisjs/redis/services/main'
import { logRedisOutages } from '#services/infrastructure/redis_outage_log'

redis.doNotLogErrors()
redis.on('connection', (connection) => logRedisOutages(connection, logger))
