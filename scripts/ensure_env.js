/*
|--------------------------------------------------------------------------
| First run: create ".env"
|--------------------------------------------------------------------------
|
| Runs before the npm scripts that boot ace ("dev", "setup", "build", "test",
| "typecheck"). When ".env" is missing it is copied from ".env.example"
| with a fresh random APP_KEY, and the tmp/ folder (home of the SQLite
| database) is created. An existing ".env" is never touched. An optional
| argument names another project folder.
|
*/

import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = process.argv[2]
  ? resolve(process.argv[2])
  : fileURLToPath(new URL('../', import.meta.url))
const envFile = join(root, '.env')

mkdirSync(join(root, 'tmp'), { recursive: true })

if (!existsSync(envFile)) {
  const template = readFileSync(join(root, '.env.example'), 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(envFile, template.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`), { mode: 0o600 })
  console.log('Created .env with a fresh APP_KEY')
}
