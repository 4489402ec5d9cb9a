/*
|--------------------------------------------------------------------------
| First run: create ".env"
|--------------------------------------------------------------------------
|
| Runs before "npm run dev" (and the other scripts that boot ace). When ".env" is missing it is copied from
| ".env.example" with a fresh random APP_KEY, and the tmp/ folder (home of
| the SQLite database) is created. An existing ".env" is never touched.
|
*/

import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'

const root = new URL('../', import.meta.url)
const envFile = new URL('.env', root)

mkdirSync(new URL('tmp/', root), { recursive: true })

if (!existsSync(envFile)) {
  const template = readFileSync(new URL('.env.example', root), 'utf8')
  const key = randomBytes(32).toString('base64url')
  writeFileSync(envFile, template.replace(/^APP_KEY=.*$/m, `APP_KEY=${key}`), { mode: 0o600 })
  console.log('Created .env with a fresh APP_KEY')
}
