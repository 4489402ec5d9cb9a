import env from '#start/env'
import { mkdirSync } from 'node:fs'
import { dirname, isAbsolute } from 'node:path'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import { pgReplicas } from '#services/infrastructure/pg_replicas'
import {
  nameRepeatedStatements,
  type PgConnection,
} from '#services/infrastructure/pg_named_statements'
import {
  cacheStatements,
  type SqliteConnection,
} from '#services/infrastructure/sqlite_statement_cache'

/*
|--------------------------------------------------------------------------
| Database
|--------------------------------------------------------------------------
|
| SQLite (better-sqlite3) under tmp/ is the embedded default. Setting
| DB_CONNECTION=pg switches to PostgreSQL, configured by DATABASE_URL or
| the DB_* variables; DB_READ_HOSTS lists read replicas. Both run the same
| migrations.
|
| Repeated statements are prepared once per connection and reused: named
| statements on PostgreSQL, cached statements on SQLite, at most
| DB_PREPARED_STATEMENTS of them per connection (0 turns this off).
|
| PostgreSQL outages end by themselves: the pool drops the connections the
| server closed and opens new ones on demand. While the server is down, a
| request fails at once (connection refused) or after the pool's acquire
| timeout, and answers 503 instead of hanging.
|
*/

const defaultConnection = env.get('DB_CONNECTION', 'sqlite')
const sqliteSetting = env.get('SQLITE_FILE', 'tmp/db.sqlite3')
const sqliteFile = isAbsolute(sqliteSetting) ? sqliteSetting : app.makePath(sqliteSetting)

/* A fresh clone has no tmp/ (git ignores it): SQLite needs the file's folder to exist. */
if (defaultConnection === 'sqlite') mkdirSync(dirname(sqliteFile), { recursive: true })

const pgPrimary = env.get('DATABASE_URL') ?? {
  host: env.get('DB_HOST', '127.0.0.1'),
  port: env.get('DB_PORT', 5432),
  user: env.get('DB_USER'),
  password: env.get('DB_PASSWORD'),
  database: env.get('DB_DATABASE'),
}

const preparedStatements = env.get('DB_PREPARED_STATEMENTS', 100)

const migrations = { naturalSort: true, paths: ['database/migrations'] }
const seeders = { paths: ['database/seeders'] }

const dbConfig = defineConfig({
  connection: defaultConnection,
  prettyPrintDebugQueries: !app.inProduction,

  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: {
        filename: sqliteFile,
      },
      useNullAsDefault: true,
      migrations,
      seeders,
      schemaGeneration: { enabled: false },
      pool: {
        afterCreate: (
          connection: SqliteConnection & { pragma(sql: string): unknown },
          done: () => void
        ) => {
          connection.pragma('journal_mode = WAL')
          connection.pragma('foreign_keys = ON')
          connection.pragma('busy_timeout = 5000')
          cacheStatements(connection, preparedStatements)
          done()
        },
      },
    },

    pg: {
      client: 'pg',
      connection: pgPrimary,
      replicas: pgReplicas(pgPrimary, env.get('DB_READ_HOSTS')),
      pool: {
        min: 0,
        max: env.get('DB_POOL_MAX', 10),
        propagateCreateError: true,
        acquireTimeoutMillis: 5000,
        createTimeoutMillis: 3000,
        afterCreate: (connection: PgConnection, done: () => void) => {
          nameRepeatedStatements(connection, preparedStatements)
          done()
        },
      },
      migrations,
      seeders,
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
