import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { args, BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Scaffolds a project resource: migration, model, factory, validators, transformer, list
 * service, controller, routes, Inertia pages, the admin registration and functional tests.
 * Everything is checked before anything is written.
 */
export default class MakeResource extends BaseCommand {
  static commandName = 'make:resource'
  static description = 'Scaffold a project resource: model to pages, admin and tests'
  static help = [
    'Fields are name:type, with ? (or :nullable) for a nullable column and ! (or :unique) for a',
    'unique one. Types: string text integer decimal boolean date datetime enum(a,b) belongs_to.',
    'project:belongs_to is required: the resource lives under /projects/:projectId/<plural>.',
    "Quote specs the shell would expand: 'status:enum(draft,sent)' 'notes:text?'",
    '{{ binaryName }} make:resource Invoice number:string! amount:decimal paid:boolean \\',
    "  issued_on:date 'status:enum(draft,sent,paid)' 'notes:text?' project:belongs_to",
  ]

  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The model name, singular (Invoice, LineItem)' })
  declare name: string

  @args.spread({ description: 'The fields: name:type[?][!] ...' })
  declare fields: string[]

  /** The app written into: the app itself, or a temporary copy in tests. */
  outputRoot = this.app.makePath()

  protected stubsRoot = this.app.makePath(this.app.rcFile.directories.stubs)

  async run() {
    const { parseFieldSpecs } = await import('#services/scaffold/field_spec')
    const { resourceNames } = await import('#services/scaffold/resource_names')
    const { findCollisions } = await import('#services/scaffold/collisions')
    const { renderResourceFiles, nextMigrationPath } =
      await import('#services/scaffold/resource_files')
    const { addResourceRoutes } = await import('#services/scaffold/routes_codemod')

    let names
    let fields
    try {
      names = resourceNames(this.name)
      fields = parseFieldSpecs(this.fields ?? [])
    } catch (error) {
      return this.fail((error as Error).message)
    }
    if (!fields.some((field) => field.type === 'belongs_to')) {
      return this.fail(
        'make:resource scaffolds project resources: add project:belongs_to to the fields'
      )
    }

    const collisions = await findCollisions(this.outputRoot, names)
    if (collisions.length) {
      return this.fail(
        `Cannot scaffold "${names.model}", nothing written:\n  - ${collisions.join('\n  - ')}`
      )
    }

    const routesPath = join(this.outputRoot, 'start/routes.ts')
    let routes
    try {
      routes = addResourceRoutes(await readFile(routesPath, 'utf-8'), names)
    } catch (error) {
      return this.fail((error as Error).message)
    }

    const migrations = join(this.outputRoot, 'database/migrations')
    const existing = existsSync(migrations) ? await readdir(migrations) : []
    const files = renderResourceFiles(names, fields, nextMigrationPath(existing, names))

    const codemods = await this.createCodemods()
    for (const file of files) {
      const destination = join(this.outputRoot, file.path)
      await codemods.makeUsingStub(this.stubsRoot, 'make/resource/file.stub', {
        destination,
        contents: file.contents,
      })
      await this.format(destination)
    }

    const action = this.logger.action('update start/routes.ts')
    await writeFile(routesPath, routes)
    await this.format(routesPath)
    action.succeeded()

    const admin = await this.kernel.exec('make:admin', [names.model, '--area', 'Projects'])
    if (admin.exitCode) this.exitCode = admin.exitCode

    await this.codegen()

    this.logger.info(
      `Next: node ace migration:run, then node ace test functional --files tests/functional/projects/${names.plural}.spec.ts`
    )
  }

  /**
   * The routes file imports the generated controllers barrel: index the new controller now, so
   * the next ace command (migration:run) boots. `codegen` runs in its own process: it switches
   * the environment, which a booted app cannot.
   */
  private async codegen() {
    const action = this.logger.action('run node ace codegen')
    try {
      await promisify(execFile)(process.execPath, ['ace', 'codegen'], { cwd: this.outputRoot })
      action.succeeded()
    } catch (error) {
      action.failed(error as Error)
      this.exitCode = 1
    }
  }

  /** Rewrites a file with the project's Prettier settings, as `npm run format` would. */
  private async format(file: string) {
    const prettier = await import('prettier')
    const options = (await prettier.resolveConfig(file)) ?? {}
    const source = await readFile(file, 'utf-8')
    await writeFile(file, await prettier.format(source, { ...options, filepath: file }))
  }

  private fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
