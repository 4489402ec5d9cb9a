import { existsSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import { mkdir, writeFile } from 'node:fs/promises'
import { BaseCommand } from '@adonisjs/core/ace'
import { type TsProject, inMemoryTsProject } from '#scaffold/ts_source'

/** A file a generator writes: a new one, or an existing one it edits. */
export type ScaffoldFile = { path: string; contents: string }

/**
 * What `make:resource` and `make:admin` share: files rendered from the app's stubs without writing,
 * every reason to refuse reported at once (and then nothing written), and the written files
 * formatted in the project's Prettier style, as `npm run format` would leave them.
 */
export abstract class ScaffoldCommand extends BaseCommand {
  /** The app written into: the app itself, or a temporary copy in tests. */
  outputRoot = this.app.makePath()

  /**
   * The app's stubs folder (`directories.stubs` of adonisrc.ts). The stubs manager looks there
   * first, so a stub edited in place shapes the files generated from then on.
   */
  protected stubsRoot = this.app.makePath(this.app.rcFile.directories.stubs)

  /**
   * The contents of the file the stub at `stubPath` renders to with `state`, writing nothing:
   * the stub is found and rendered by the core's stubs manager, as `make:controller`'s is.
   */
  protected async renderStub(stubPath: string, state: Record<string, unknown>): Promise<string> {
    const stubs = await this.app.stubs.create()
    const stub = await stubs.build(stubPath, { source: this.stubsRoot })
    const { contents } = await stub.prepare(state)
    return contents
  }

  #tsProject?: TsProject

  /**
   * The ts-morph project through which existing files (the routes, the navigation, the admin
   * registrations) are edited, in memory.
   */
  protected async tsProject(): Promise<TsProject> {
    this.#tsProject ??= await inMemoryTsProject()
    return this.#tsProject
  }

  /**
   * `source` in the project's Prettier style for `file`, formatted again until it settles (a long
   * call chain can take two passes). Throws when the source does not parse.
   */
  protected async format(file: string, source: string): Promise<string> {
    const prettier = await import('prettier')
    const options = { ...(await prettier.resolveConfig(file)), filepath: file }
    let formatted = await prettier.format(source, options)
    for (let pass = 0; pass < 3; pass++) {
      const again = await prettier.format(formatted, options)
      if (again === formatted) break
      formatted = again
    }
    return formatted
  }

  /** Logs that the command refuses, with every one of `reasons`, and fails. */
  protected refuse(what: string, reasons: string[]) {
    const list = reasons.map((reason) => `\n  - ${reason}`).join('')
    this.logger.error(`${what}, nothing written:${list}`)
    this.exitCode = 1
  }

  /**
   * Formats every file, then writes them all, logging each as created or updated; a file that
   * does not parse (a broken stub) stops everything before anything is written. Returns whether
   * the files were written.
   */
  protected async writeFormatted(what: string, files: ScaffoldFile[]): Promise<boolean> {
    const formatted: ScaffoldFile[] = []
    const problems: string[] = []
    for (const file of files) {
      const path = isAbsolute(file.path) ? file.path : join(this.outputRoot, file.path)
      try {
        formatted.push({ path, contents: await this.format(path, file.contents) })
      } catch (error) {
        problems.push(`${this.app.relativePath(path)} does not parse: ${(error as Error).message}`)
      }
    }
    if (problems.length > 0) {
      this.refuse(what, problems)
      return false
    }
    for (const file of formatted) {
      const action = this.logger.action(
        `${existsSync(file.path) ? 'update' : 'create'} ${this.app.relativePath(file.path)}`
      )
      await mkdir(dirname(file.path), { recursive: true })
      await writeFile(file.path, file.contents)
      action.succeeded()
    }
    return true
  }
}
