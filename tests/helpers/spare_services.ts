import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '#tests/helpers/production_server'

/*
 * Redis and PostgreSQL servers of a test's own, on spare ports, that the test may stop and start
 * again at will (the shared servers on the standard ports are never touched). Nothing is
 * installed: a missing binary fails the test with what to install.
 */

/** Resolves once something accepts TCP connections on the port, or throws after `timeoutMs`. */
async function waitForPort(port: number, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => resolve(true))
      socket.once('error', () => resolve(false))
    }).catch(() => false)
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${what} did not listen on port ${port} within ${timeoutMs} ms`)
}

/** A redis-server on a spare port, without persistence: a restart starts empty. */
export class SpareRedis {
  #child: ChildProcess | undefined

  private constructor(readonly port: number) {}

  /** Starts one on a free port. */
  static async start(): Promise<SpareRedis> {
    const redis = new SpareRedis(await freePort())
    await redis.start()
    return redis
  }

  /** Whether the server runs. */
  get running(): boolean {
    const child = this.#child
    return Boolean(child && child.exitCode === null && child.signalCode === null)
  }

  /** Starts the server (again), on the same port; nothing when it runs. */
  async start() {
    if (this.running) return
    const args = ['--port', String(this.port), '--bind', '127.0.0.1']
    const child = spawn('redis-server', [...args, '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
    const failed = new Promise<never>((_, reject) =>
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'ENOENT'
            ? new Error(
                'redis-server is not on the PATH: install Redis (apt-get install redis-server)'
              )
            : error
        )
      )
    )
    this.#child = child
    try {
      await Promise.race([waitForPort(this.port, 'redis-server'), failed])
    } catch (error) {
      await this.kill()
      throw error
    }
  }

  /** Kills the server at once, as a crash would, and waits until it is gone. */
  async kill() {
    const child = this.#child
    if (!child || !this.running) return
    this.#child = undefined
    await new Promise((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGKILL')
    })
  }
}

/** The folder of PostgreSQL's initdb and pg_ctl: the newest under /usr/lib/postgresql, else PATH. */
function postgresBinaries(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length > 0) return join(root, versions[0], 'bin')
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' })
  if (which.status === 0) return join(which.stdout.trim(), '..')
  throw new Error(
    'initdb and pg_ctl were found neither under /usr/lib/postgresql nor on the PATH: ' +
      'install the PostgreSQL server (apt-get install postgresql)'
  )
}

/**
 * A PostgreSQL cluster of its own: initdb'd in a temp folder, trust authentication, listening on
 * 127.0.0.1 on a spare port. PostgreSQL refuses to run as root, so under root it runs as the
 * `postgres` user, who then owns the folder.
 */
export class SparePostgres {
  readonly user = 'atrium'
  readonly database = 'postgres'

  private constructor(
    readonly port: number,
    readonly folder: string,
    private bin: string
  ) {}

  /** Creates the cluster and starts it. */
  static async start(): Promise<SparePostgres> {
    const bin = postgresBinaries()
    const folder = mkdtempSync(join(tmpdir(), 'atrium-pg-'))
    const postgres = new SparePostgres(await freePort(), folder, bin)
    if (process.getuid?.() === 0) {
      const { uid, gid } = postgres.#postgresUser()
      chownSync(folder, uid, gid)
    }
    try {
      postgres.#run('initdb', ['-D', `${folder}/data`, '-U', postgres.user, '-A', 'trust'])
      await postgres.start()
    } catch (error) {
      await postgres.destroy()
      throw error
    }
    return postgres
  }

  /** Whether the server runs. */
  get running(): boolean {
    return (
      spawnSync(...this.#command('pg_ctl', ['-D', `${this.folder}/data`, 'status'])).status === 0
    )
  }

  /** Starts the server (again) and waits until it accepts connections; nothing when it runs. */
  async start() {
    if (this.running) return
    const options = `-p ${this.port} -k ${this.folder} -c listen_addresses=127.0.0.1 -c fsync=off`
    this.#run(
      'pg_ctl',
      ['-D', `${this.folder}/data`, '-l', `${this.folder}/log`, '-w'].concat([
        '-o',
        options,
        'start',
      ])
    )
  }

  /** Stops the server abruptly (no checkpoint, clients cut off), as a crash would. */
  async kill() {
    this.#run('pg_ctl', ['-D', `${this.folder}/data`, '-m', 'immediate', '-w', 'stop'])
  }

  /** Stops the server if it runs and deletes the cluster. */
  async destroy() {
    spawnSync(...this.#command('pg_ctl', ['-D', `${this.folder}/data`, '-m', 'immediate', 'stop']))
    rmSync(this.folder, { recursive: true, force: true })
  }

  /** The ids of the `postgres` user, who runs the server when the tests run as root. */
  #postgresUser(): { uid: number; gid: number } {
    const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
    const [uid, gid] = [id('-u'), id('-g')]
    if (uid.status !== 0 || gid.status !== 0) {
      throw new Error('PostgreSQL cannot run as root and there is no "postgres" user to run it')
    }
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) }
  }

  /** The command line for one of the binaries, as the `postgres` user under root. */
  #command(binary: string, args: string[]): [string, string[], { encoding: 'utf8' }] {
    const path = join(this.bin, binary)
    const asRoot = process.getuid?.() === 0
    return asRoot
      ? ['runuser', ['-u', 'postgres', '--', path, ...args], { encoding: 'utf8' }]
      : [path, args, { encoding: 'utf8' }]
  }

  /** Runs one of the binaries to its end; throws with its output when it fails. */
  #run(binary: string, args: string[]) {
    const result = spawnSync(...this.#command(binary, args))
    if (result.status !== 0) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`
      throw new Error(`${binary} ${args.join(' ')} failed:\n${output}`)
    }
  }
}
