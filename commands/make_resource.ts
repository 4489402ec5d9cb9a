import { promisify } from 'node:util'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readdir, readFile } from 'node:fs/promises'
import { args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { Resource } from '#scaffold/resource'
import type { ResourceNames } from '#scaffold/resource_names'
import type { ScaffoldFile } from '#scaffold/scaffold_command'
import { ScaffoldCommand } from '#scaffold/scaffold_command'

/**
 * Scaffolds a resource: migration, model, factory, validators, policy, transformer, list and
 * choices services, controller, routes, navigation link, Inertia pages, admin registration, its
 * /api/v1 endpoints (operations, serializer, controller) and functional, API and browser tests. Each file is rendered from its stub in stubs/make/resource, which
 * the app may edit; the routes, the navigation and the admin registrations are edited through
 * codemods. Everything is checked before anything is written, and every problem is reported.
 */
export default class MakeResource extends ScaffoldCommand {
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
    'The files are rendered from the stubs in stubs/make/resource: edit them to change what is made.',
  ]

  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The model name, singular (Invoice, LineItem)' })
  declare name: string

  @args.spread({ description: 'The fields: name:type[?][!] ...' })
  declare fields: string[]

  async run() {
    const { checkFieldSpecs } = await import('#scaffold/field_spec')
    const { resourceNames } = await import('#scaffold/resource_names')
    const { resolveRelationTargets } = await import('#scaffold/relation_targets')
    const { findCollisions } = await import('#scaffold/collisions')
    const { renderResourceFiles, nextMigrationPath } = await import('#scaffold/resource_files')

    const { scope, fields, problems } = checkFieldSpecs(this.fields ?? [])
    let names: ResourceNames
    try {
      names = resourceNames(this.name, scope)
    } catch (error) {
      return this.refuse(`Cannot scaffold "${this.name}"`, [...problems, (error as Error).message])
    }
    const targets = await resolveRelationTargets(this.outputRoot, fields, scope, names.model)
    problems.push(...targets.problems, ...(await findCollisions(this.outputRoot, names)))
    const edits = await this.edits(names, problems)
    if (problems.length > 0) return this.refuse(`Cannot scaffold "${names.model}"`, problems)

    const resource: Resource = { names, fields, relations: targets.relations }
    const migrations = join(this.outputRoot, 'database/migrations')
    const existing = existsSync(migrations) ? await readdir(migrations) : []
    const rendered = await renderResourceFiles(
      resource,
      nextMigrationPath(existing, names),
      this.outputRoot,
      (stubPath, state) => this.renderStub(stubPath, state)
    )
    if (!(await this.writeFormatted(`Cannot scaffold "${names.model}"`, [...rendered, ...edits]))) {
      return
    }

    await this.codegen()
    if (this.exitCode !== 1) await this.regenerateApiDocument()
    this.logger.info(
      `Next: node ace migration:run, then node ace test --files tests/functional/${names.testArea}/${names.plural}.spec.ts --files tests/browser/${names.plural}.spec.ts`
    )
  }

  /**
   * The edits of the routes (the pages' and the API's), the API's resource list, the navigation's
   * links and the admin registrations, made in memory;
   * what keeps one from being made is added to `problems`.
   */
  private async edits(names: ResourceNames, problems: string[]): Promise<ScaffoldFile[]> {
    const { addResourceRoutes } = await import('#scaffold/routes_codemod')
    const { addApiRoutes, addApiResourceImport, API_RESOURCES_PATH } =
      await import('#scaffold/api_codemod')
    const { addResourceLink, RESOURCE_LINKS_PATH } = await import('#scaffold/navigation_codemod')
    const { addRegistration, isRegisteredIn } = await import('#scaffold/admin_scaffold')

    const project = await this.tsProject()
    const edit = async (path: string, change: (source: string, file: string) => string) => {
      const file = join(this.outputRoot, path)
      if (!existsSync(file)) {
        problems.push(`there is no ${path} to edit`)
        return []
      }
      try {
        return [{ path: file, contents: change(await readFile(file, 'utf-8'), file) }]
      } catch (error) {
        problems.push((error as Error).message)
        return []
      }
    }
    return [
      ...(await edit('start/routes.ts', (source, file) =>
        addApiRoutes(project, file, addResourceRoutes(project, file, source, names), names)
      )),
      ...(await edit(API_RESOURCES_PATH, (source, file) =>
        addApiResourceImport(project, file, source, names)
      )),
      ...(await edit(RESOURCE_LINKS_PATH, (source, file) =>
        addResourceLink(project, file, source, names)
      )),
      ...(await edit('start/admin.ts', (source, file) => {
        const reported = problems.some((problem) => problem.startsWith('start/admin.ts'))
        if (isRegisteredIn(source, names.model) && !reported) {
          throw new Error(`start/admin.ts already registers the model "${names.model}"`)
        }
        return addRegistration(project, file, source, {
          modelName: names.model,
          modelFile: names.file,
          adminName: `${names.model}Admin`,
          adminFile: `${names.file}_admin`,
        })
      })),
    ]
  }

  /**
   * The routes file imports the generated controllers barrel: index the new controller now, so
   * the next ace command (migration:run) boots. `codegen` runs in its own process: it switches
   * the environment, which a booted app cannot.
   */
  private async codegen() {
    await this.runAce(['codegen'])
  }

  /**
   * The new API routes change the OpenAPI document and its typed client (`openapi/`): write them
   * again, in a process that boots with the new routes, so the drift check stays green.
   */
  private async regenerateApiDocument() {
    await this.runAce(['api:openapi'])
  }

  private async runAce(command: string[]) {
    const action = this.logger.action(`run node ace ${command.join(' ')}`)
    try {
      await promisify(execFile)(process.execPath, ['ace', ...command], {
        cwd: this.outputRoot,
      })
      action.succeeded()
    } catch (error) {
      action.failed(error as Error)
      this.exitCode = 1
    }
  }
}
