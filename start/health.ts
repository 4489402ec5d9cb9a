/*
|--------------------------------------------------------------------------
| Health checks
|--------------------------------------------------------------------------
|
| What "/health/ready" verifies before a load balancer sends traffic here:
| the default database connection answers a query, and Redis answers a
| PING when it is configured, through the same pool and connection that
| requests use. The checks live in the container, so tests can swap in
| failing ones.
|
*/

import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'
import { RedisPingCheck } from '#services/infrastructure/redis_ping_check'
import { redisConfigured } from '#config/redis'

app.container.singleton(HealthChecks, () =>
  new HealthChecks().register([
    new DbCheck(db.connection()),
    ...(redisConfigured ? [new RedisPingCheck()] : []),
  ])
)
