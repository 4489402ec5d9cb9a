/*
|--------------------------------------------------------------------------
| Health checks
|--------------------------------------------------------------------------
|
| What "/health/ready" verifies before a load balancer sends traffic here.
|
*/

import db from '@adonisjs/lucid/services/db'
import { HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'

/** The readiness checks: the default database connection answers a query. */
export const healthChecks = new HealthChecks().register([new DbCheck(db.connection())])
