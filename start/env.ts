/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
|
| Validates and casts the environment. Values in the process environment
| win over the ".env" files, so production needs no file at all.
|
*/

import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  APP_NAME: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const),

  /*
  |----------------------------------------------------------
  | Proxies: comma separated list of trusted proxy addresses
  | or ranges ("loopback", "10.0.0.0/8"), "*" to trust all.
  |----------------------------------------------------------
  */
  TRUSTED_PROXIES: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Session: "cookie" (default), or "redis" (the default
  | when Redis is configured), "memory" in tests
  |----------------------------------------------------------
  */
  SESSION_DRIVER: Env.schema.enum.optional(['cookie', 'redis', 'memory'] as const),

  /*
  |----------------------------------------------------------
  | Database: SQLite by default, PostgreSQL with
  | DB_CONNECTION=pg and DB_* or DATABASE_URL
  |----------------------------------------------------------
  */
  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'pg'] as const),
  SQLITE_FILE: Env.schema.string.optional(),
  DATABASE_URL: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),
  DB_POOL_MAX: Env.schema.number.optional(),
  DB_READ_HOSTS: Env.schema.string.optional(),
  DB_PREPARED_STATEMENTS: Env.schema.number.optional(),

  /*
  |----------------------------------------------------------
  | Accounts: require a verified email before using the app
  |----------------------------------------------------------
  */
  ACCOUNTS_REQUIRE_VERIFIED_EMAIL: Env.schema.boolean.optional(),
  /* Staff need two-factor sign-in before they may use the admin */
  ACCOUNTS_REQUIRE_2FA_FOR_STAFF: Env.schema.boolean.optional(),

  /*
  |----------------------------------------------------------
  | Passkeys: the domain they are bound to and the origins
  | (comma separated) they are used from; APP_URL's by default
  |----------------------------------------------------------
  */
  WEBAUTHN_RP_ID: Env.schema.string.optional(),
  WEBAUTHN_ORIGIN: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Mail: "smtp" in production; "mailbox" keeps messages
  | under tmp/mailbox for the development mailbox page
  |----------------------------------------------------------
  */
  MAIL_MAILER: Env.schema.enum.optional(['smtp', 'mailbox'] as const),
  MAIL_FROM_ADDRESS: Env.schema.string.optional({ format: 'email' }),
  MAIL_FROM_NAME: Env.schema.string.optional(),
  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Rate limits: "database" (default), "redis" (the default
  | when Redis is configured) or "memory"
  |----------------------------------------------------------
  */
  LIMITER_STORE: Env.schema.enum.optional(['database', 'redis', 'memory'] as const),

  /*
  |----------------------------------------------------------
  | Background jobs: "database" (default), "redis" (the
  | default when Redis is configured) or "sync"; workers per
  | process; when a silent job is run again; days completed
  | jobs are kept; worker processes `npm start` runs
  |----------------------------------------------------------
  */
  QUEUE_DRIVER: Env.schema.enum.optional(['database', 'redis', 'sync'] as const),
  QUEUE_CONCURRENCY: Env.schema.number.optional(),
  QUEUE_STALLED_AFTER: Env.schema.string.optional(),
  QUEUE_STALLED_CHECK_EVERY: Env.schema.string.optional(),
  QUEUE_KEEP_COMPLETED_DAYS: Env.schema.number.optional(),
  QUEUE_WORKERS: Env.schema.number.optional(),

  /*
  |----------------------------------------------------------
  | JSON API: calls per minute per token, and per IP without one
  |----------------------------------------------------------
  */
  API_RATE_LIMIT: Env.schema.number.optional(),
  API_ANONYMOUS_RATE_LIMIT: Env.schema.number.optional(),

  /*
  |----------------------------------------------------------
  | JSON API: comma separated origins of browser apps that
  | may call /api (CORS, bearer tokens only); none by default
  |----------------------------------------------------------
  */
  API_CORS_ORIGINS: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Redis: REDIS_URL or REDIS_HOST/PORT/PASSWORD
  |----------------------------------------------------------
  */
  REDIS_URL: Env.schema.string.optional(),
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),

  /*
  |----------------------------------------------------------
  | Demo data for development
  |----------------------------------------------------------
  */
  DEMO_PASSWORD: Env.schema.string.optional(),
})
