import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readFile, writeFile } from 'node:fs/promises'
import string from '@adonisjs/core/helpers/string'
import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { RegistrationNames } from '#scaffold/admin_scaffold'

/**
 * Writes a ModelAdmin for a model with options inferred from its columns, relations and the
 * database (`app/admin/models/<model>_admin.ts`) and registers it in `start/admin.ts`, like
 * `make:controller` writes a controller: from the `make/admin/main.stub` stub, through codemods.
 */
export default class MakeAdmin extends BaseCommand {
  static commandName = 'make:admin'
  static description =
    'Create a ModelAdmin for a model in app/admin/models and register it in start/admin.ts'
  static help = [
    'Infers the options from the model and its table: run the migrations first.',
    'They are a starting point: review them. --force writes the file again from the model.',
  ]

  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The model, as make:model names it (Invoice, project_member)' })
  declare name: string

  @flags.string({ description: 'The sidebar group to list the model under (default: Content)' })
  declare area?: string

  @flags.boolean({ description: 'Overwrite an existing admin file', alias: 'f' })
  declare force: boolean

  /** Where the admin file and `start/admin.ts` are: the app itself, a temporary copy in tests. */
  outputRoot = this.app.makePath()

  /** The app's stubs folder (`directories.stubs` of adonisrc.ts): the stub is the app's own. */
  protected stubsRoot = this.app.makePath(this.app.rcFile.directories.stubs)
  protected stubPath = 'make/admin/main.stub'
  protected names!: RegistrationNames

  async prepare() {
    const modelName = this.app.generators.modelName(this.name)
    const modelFile = string.snakeCase(modelName)
    this.names = {
      modelName,
      modelFile,
      adminName: `${modelName}Admin`,
      adminFile: `${modelFile}_admin`,
    }
  }

  async run() {
    const { modelName, modelFile, adminFile } = this.names
    const modelPath = this.app.modelsPath(`${modelFile}.ts`)
    const adminPath = join(this.outputRoot, 'app/admin/models', `${adminFile}.ts`)
    const registrationsPath = join(this.outputRoot, 'start/admin.ts')

    if (!existsSync(modelPath)) {
      return this.fail(
        `No model ${this.app.relativePath(modelPath)}: create it first with node ace make:model ${modelName}`
      )
    }
    if (!existsSync(registrationsPath)) {
      return this.fail(`No ${this.app.relativePath(registrationsPath)} to register the model in`)
    }
    const registrations = await readFile(registrationsPath, 'utf-8')
    const { isRegisteredIn, addRegistration } = await import('#scaffold/admin_scaffold')
    const registered = isRegisteredIn(registrations, modelName)
    if (!this.force && registered) {
      return this.fail(
        `The model "${modelName}" is already registered in ${this.app.relativePath(registrationsPath)}: ` +
          `edit its admin, or pass --force to write ${this.app.relativePath(adminPath)} again`
      )
    }
    if (!this.force && existsSync(adminPath)) {
      return this.fail(
        `${this.app.relativePath(adminPath)} already exists: pass --force to overwrite it`
      )
    }

    const model = await this.loadModel(modelFile)
    if (!model) {
      return this.fail(
        `${this.app.relativePath(modelPath)} does not export a Lucid model by default`
      )
    }

    const codemods = await this.createCodemods()
    codemods.overwriteExisting = this.force === true
    const output = await codemods.makeUsingStub(this.stubsRoot, this.stubPath, {
      ...this.names,
      destination: adminPath,
      pluralLabel: string.sentenceCase(string.plural(modelName)),
      body: await this.inferredBody(model, await readFile(modelPath, 'utf-8')),
    })
    if (output.status === 'skipped') return this.fail(`${output.skipReason}: nothing written`)
    await this.format(adminPath)

    const action = this.logger.action(`update ${this.app.relativePath(registrationsPath)}`)
    if (registered) {
      action.skipped(`${modelName} is already registered`)
    } else {
      await writeFile(registrationsPath, addRegistration(registrations, this.names))
      await this.format(registrationsPath)
      action.succeeded()
    }
  }

  /** The class body: options inferred from the model and, when migrated, its table. */
  private async inferredBody(model: LucidModel, modelSource: string): Promise<string> {
    const { columnTypesOf } = await import('#introspection/column_types')
    const { describeModel, inferAdminOptions, renderAdminOptions, activitySubjectOf } =
      await import('#scaffold/admin_scaffold')

    let columnTypes = null
    try {
      columnTypes = await columnTypesOf(model.table)
    } catch (error) {
      this.logger.warning(
        `Cannot read the table "${model.table}" (${(error as Error).message}): options inferred ` +
          `from the model alone. Migrate, then run make:admin ${model.name} --force to use the table`
      )
    }
    const scaffold = inferAdminOptions(describeModel(model, columnTypes))
    return renderAdminOptions(scaffold, {
      area: this.area ?? 'Content',
      activitySubject: activitySubjectOf(modelSource),
    })
  }

  private async loadModel(modelFile: string): Promise<LucidModel | null> {
    const { default: model } = await import(`#models/${modelFile}`)
    const isModel = typeof model === 'function' && '$addColumn' in model
    return isModel ? (model as LucidModel) : null
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
