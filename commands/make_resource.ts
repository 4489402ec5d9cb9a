import { existsSync } from 'node:fs'
import { promisify } from 'node:util'
import { execFile } from 'node:child_process'
import { dirname, isAbsolute, join, relative } from 'node:path'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { args, BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { Resource } from '#scaffold/resource'

/**
 * Scaffolds a resource: migration, model, factory, validators, policy, transformer, list and
 * choices services, controller, routes, navigation link, Inertia pages, admin registration and
 * functional and browser tests. A resource belongs to a project (`project:belongs_to`, the
 * project's membership rules) or to the user who creates it. Everything is checked before
 * anything is written.
 */
export default class MakeResource extends BaseCommand {
  static commandName = 'make:resource'
  static description = 'Scaffold a resource: model to pages, admin and tests'
  static help = [
    'Fields are name:type, with ? (or :nullable) for a nullable column and ! (or :unique) for a',
    'unique one. Types: string text integer decimal boolean date datetime enum(a,b) belongs_to.',
    'With project:belongs_to the resource lives under /projects/:projectId/<plural> and follows',
    "the project's membership rules; without it, each user keeps their own under /<plural>.",
    'customer:belongs_to points at the Customer model (made before, of the same kind);',
    'reviewer:belongs_to(user)? at a member of the project. Quote what the shell would expand:',
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

  async run() {
    const { parseFieldSpecs } = await import('#scaffold/field_spec')
    const { resourceNames } = await import('#scaffold/resource_names')
    const { resolveRelationTargets } = await import('#scaffold/relation_targets')
    const { findCollisions } = await import('#scaffold/collisions')
    const { renderResourceFiles, nextMigrationPath } = await import('#scaffold/resource_files')
    const { addResourceRoutes } = await import('#scaffold/routes_codemod')
    const { addResourceLink, RESOURCE_LINKS_PATH } = await import('#scaffold/navigation_codemod')
    const { addRegistration, isRegisteredIn } = await import('#scaffold/admin_scaffold')

    let resource: Resource
    try {
      const { scope, fields } = parseFieldSpecs(this.fields ?? [])
      const names = resourceNames(this.name, scope)
      const relations = await resolveRelationTargets(this.outputRoot, fields, scope, names.model)
      resource = { names, fields, relations }
    } catch (error) {
      return this.fail((error as Error).message)
    }
    const { names } = resource

    const collisions = await findCollisions(this.outputRoot, names)
    if (collisions.length) {
      return this.fail(
        `Cannot scaffold "${names.model}", nothing written:\n  - ${collisions.join('\n  - ')}`
      )
    }

    const routesPath = join(this.outputRoot, 'start/routes.ts')
    const linksPath = join(this.outputRoot, RESOURCE_LINKS_PATH)
    const registrationsPath = join(this.outputRoot, 'start/admin.ts')
    let edits: { path: string; contents: string }[]
    try {
      const registrations = await readFile(registrationsPath, 'utf-8')
      if (isRegisteredIn(registrations, names.model)) {
        throw new Error(`start/admin.ts already registers ${names.model}: nothing written`)
      }
      edits = [
        {
          path: routesPath,
          contents: addResourceRoutes(await readFile(routesPath, 'utf-8'), names),
        },
        {
          path: linksPath,
          contents: addResourceLink(await readFile(linksPath, 'utf-8'), names),
        },
        {
          path: registrationsPath,
          contents: addRegistration(registrations, {
            modelName: names.model,
            modelFile: names.file,
            adminName: `${names.model}Admin`,
            adminFile: `${names.file}_admin`,
          }),
        },
      ]
    } catch (error) {
      return this.fail((error as Error).message)
    }

    const migrations = join(this.outputRoot, 'database/migrations')
    const existing = existsSync(migrations) ? await readdir(migrations) : []
    const rendered = renderResourceFiles(resource, nextMigrationPath(existing, names))

    // Everything is formatted before anything is written: a file that does not parse stops here.
    const files: { path: string; contents: string }[] = []
    for (const file of [...rendered, ...edits]) {
      const path = isAbsolute(file.path) ? file.path : join(this.outputRoot, file.path)
      try {
        files.push({ path, contents: await this.format(path, file.contents) })
      } catch (error) {
        return this.fail(
          `make:resource wrote ${relative(this.outputRoot, path)} unparseable, nothing written: ${(error as Error).message}`
        )
      }
    }

    for (const file of files.slice(0, rendered.length)) {
      const action = this.logger.action(`create ${relative(this.outputRoot, file.path)}`)
      await mkdir(dirname(file.path), { recursive: true })
      await writeFile(file.path, file.contents, { flag: 'wx' })
      action.succeeded()
    }
    for (const edit of files.slice(rendered.length)) {
      const action = this.logger.action(`update ${relative(this.outputRoot, edit.path)}`)
      await writeFile(edit.path, edit.contents)
      action.succeeded()
    }

    await this.codegen()

    this.logger.info(
      `Next: node ace migration:run, then node ace test --files tests/functional/${names.testArea}/${names.plural}.spec.ts --files tests/browser/${names.plural}.spec.ts`
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

  /**
   * `source` in the project's Prettier style for `file`, as `npm run format` would leave it:
   * formatted again until it settles (a long call chain can take two passes).
   */
  private async format(file: string, source: string) {
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

  private fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
