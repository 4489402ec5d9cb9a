import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'
import string from '@adonisjs/core/helpers/string'
import { args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { RegistrationNames } from '#scaffold/admin_scaffold'
import type { ScaffoldFile } from '#scaffold/scaffold_command'
import { ScaffoldCommand } from '#scaffold/scaffold_command'

/**
 * Writes a ModelAdmin for a model with options inferred from its columns, relations and the
 * database (`app/admin/models/<model>_admin.ts`) and registers it in `start/admin.ts`, like
 * `make:controller` writes a controller: from the `make/admin/main.stub` stub. Every reason to
 * refuse is reported at once, and then nothing is written.
 */
export default class MakeAdmin extends ScaffoldCommand {
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
    const { isRegisteredIn, addRegistration } = await import('#scaffold/admin_scaffold')

    const problems: string[] = []
    if (!existsSync(modelPath)) {
      problems.push(
        `No model ${this.app.relativePath(modelPath)}: create it first with node ace make:model ${modelName}`
      )
    }
    const registrations = existsSync(registrationsPath)
      ? await readFile(registrationsPath, 'utf-8')
      : null
    if (registrations === null) {
      problems.push(`No ${this.app.relativePath(registrationsPath)} to register the model in`)
    }
    const registered = registrations !== null && isRegisteredIn(registrations, modelName)
    if (!this.force && registered) {
      problems.push(
        `The model "${modelName}" is already registered in ${this.app.relativePath(registrationsPath)}: ` +
          `edit its admin, or pass --force to write ${this.app.relativePath(adminPath)} again`
      )
    }
    if (!this.force && existsSync(adminPath)) {
      problems.push(
        `${this.app.relativePath(adminPath)} already exists: pass --force to overwrite it`
      )
    }
    const model = existsSync(modelPath) ? await this.loadModel(modelFile) : null
    if (existsSync(modelPath) && !model) {
      problems.push(`${this.app.relativePath(modelPath)} does not export a Lucid model by default`)
    }
    if (problems.length > 0 || !model || registrations === null) {
      return this.refuse(`Cannot write the admin of "${modelName}"`, problems)
    }

    const files: ScaffoldFile[] = [
      {
        path: adminPath,
        contents: await this.renderStub(this.stubPath, {
          ...this.names,
          destination: adminPath,
          pluralLabel: string.sentenceCase(string.plural(modelName)),
          body: await this.inferredBody(model, await readFile(modelPath, 'utf-8')),
        }),
      },
    ]
    if (!registered) {
      files.push({
        path: registrationsPath,
        contents: addRegistration(
          await this.tsProject(),
          registrationsPath,
          registrations,
          this.names
        ),
      })
    }
    if (!(await this.writeFormatted(`Cannot write the admin of "${modelName}"`, files))) return
    if (registered) {
      this.logger
        .action(`update ${this.app.relativePath(registrationsPath)}`)
        .skipped(`${modelName} is already registered`)
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
}
