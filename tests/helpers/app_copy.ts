import { promisify } from 'node:util'
import { execFile } from 'node:child_process'
import { join, relative, sep } from 'node:path'
import { tmpdir } from 'node:os'
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'

/** Folders a copy of the app leaves out: dependencies are linked, outputs are rebuilt. */
const NOT_COPIED = new Set(['node_modules', 'tmp', 'build', '.git'])

/**
 * Caches that tools write inside node_modules. The copy keeps its own: Vite rewriting the shared
 * optimized dependencies under the suite's running dev server breaks the suite's pages.
 */
const NOT_LINKED = new Set(['.vite', '.vite-temp', '.cache'])

/** Links every package of the app's node_modules into the copy's, but not the tools' caches. */
async function linkDependencies(root: string) {
  await mkdir(join(root, 'node_modules'))
  for (const entry of await readdir(app.makePath('node_modules'))) {
    if (NOT_LINKED.has(entry)) continue
    await symlink(app.makePath('node_modules', entry), join(root, 'node_modules', entry))
  }
}

/**
 * A copy of the app in a temporary folder, with the app's dependencies linked and an empty tmp/,
 * removed after the test. For tests that change the app (a generator) and then run it.
 */
export async function copyOfApp(cleanup: (handler: () => Promise<void>) => void) {
  const root = await mkdtemp(join(tmpdir(), 'atrium-copy-'))
  cleanup(() => rm(root, { recursive: true, force: true }))
  await cp(app.makePath(), root, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(relative(app.makePath(), source).split(sep)[0]),
  })
  await linkDependencies(root)
  await mkdir(join(root, 'tmp'))
  return root
}

/**
 * The environment that gives a copy of the app a database of its own, of the kind this suite
 * runs on: a SQLite file inside the copy, or a PostgreSQL database named after this suite's
 * (`<database>_copy`), created empty now and dropped after the test. The copy's test run
 * migrates and rolls back its database, which must never be the one this suite is using.
 */
export async function databaseForCopy(
  root: string,
  cleanup: (handler: () => Promise<void>) => void
): Promise<Record<string, string | undefined>> {
  if (db.connection().dialect.name !== 'postgres') {
    return { DB_CONNECTION: 'sqlite', SQLITE_FILE: join(root, 'tmp/copy.sqlite3') }
  }
  const { rows } = await db.rawQuery('select current_database() as name')
  const name = `${rows[0].name}_copy`
  const drop = async () => {
    await db.rawQuery(`drop database if exists ${JSON.stringify(name)} with (force)`)
  }
  await drop()
  await db.rawQuery(`create database ${JSON.stringify(name)}`)
  cleanup(drop)

  const env: Record<string, string | undefined> = {
    DB_CONNECTION: 'pg',
    DB_DATABASE: name,
    DB_READ_HOSTS: undefined,
  }
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${name}`
    env.DATABASE_URL = url.toString()
  }
  return env
}

/** Runs commands in the app at `root` with `env`; a command that fails throws what it printed. */
export function commandsIn(root: string, env: NodeJS.ProcessEnv) {
  return async (file: string, argv: string[]) => {
    try {
      return await promisify(execFile)(file, argv, {
        cwd: root,
        env,
        maxBuffer: 32 * 1024 * 1024,
      })
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string }
      throw new Error(`${file} ${argv.join(' ')} failed:\n${stdout}\n${stderr}`)
    }
  }
}
