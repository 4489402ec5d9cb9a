import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import string from '@adonisjs/core/helpers/string'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import { type FieldSpec, FieldSpecException, type ResourceScope } from '#scaffold/field_spec'
import { titleAttributeOf } from '#scaffold/admin_scaffold'

/**
 * What a belongs_to points at: a user (a member of the resource's project), a resource of the
 * same project, or a resource of the same owner. The generated validator, choices and tests
 * follow from the kind.
 */
export type TargetKind = 'user' | 'project' | 'owner'

/** The model a belongs_to field points at, as the templates need it. */
export type RelationTarget = {
  model: string
  /** `customer`: the model's file, `#models/customer`. */
  file: string
  table: string
  kind: TargetKind
  /** The attribute naming its rows in pickers and lists (`name`, `fullName`). */
  titleAttribute: string
  titleColumn: string
  /** The factory that makes rows of it for the generated tests (none for users). */
  factory: { name: string; module: string } | null
}

/** A belongs_to field with its resolved target. */
export type RelationField = FieldSpec & { target: RelationTarget }

/** What {@link classifyTarget} knows of a model: which scope columns it has. */
export type TargetShape = { isUser: boolean; hasProjectId: boolean; hasOwnerId: boolean }

/**
 * The kind of a belongs_to target, or an error saying why this resource cannot point at it: a
 * project's resource points at users (its members, optionally: accounts can be deleted) and at
 * resources of projects; an owner's resource points at resources of owners.
 */
export function classifyTarget(field: FieldSpec, scope: ResourceScope, shape: TargetShape) {
  const model = field.relation!.model
  const spec = `${field.name}:belongs_to`
  if (shape.isUser) {
    if (scope !== 'project') {
      throw new FieldSpecException(
        `${spec}: a user can be chosen in a project's resource (among its members); add project:belongs_to`
      )
    }
    if (!field.nullable) {
      throw new FieldSpecException(
        `${spec}: a user reference must be optional, since accounts can be deleted: write ${field.name}:belongs_to(user)?`
      )
    }
    return 'user' as const
  }
  const kind: TargetKind | null = shape.hasProjectId ? 'project' : shape.hasOwnerId ? 'owner' : null
  if (kind === null) {
    throw new FieldSpecException(
      `${spec}: ${model} belongs to neither a project nor an owner, so its rows cannot be offered`
    )
  }
  if (kind !== scope) {
    const what = (value: TargetKind) => (value === 'project' ? "a project's" : "an owner's")
    throw new FieldSpecException(
      `${spec}: ${model} is ${what(kind)} resource and this one would be ${what(scope)}: both must belong to the same kind of parent`
    )
  }
  return kind
}

/** The first `declare name: string` of a model's source, the usual title of a scaffolded model. */
export function firstStringAttribute(source: string): string | null {
  return /^\s*declare (\w+): string\s*$/m.exec(source)?.[1] ?? null
}

/**
 * Resolves every belongs_to field (besides the project) of a resource written into the app at
 * `root`: the model must exist there, be of a kind this resource can point at, and have a
 * factory for the generated tests. Every field that cannot be resolved is a problem that names
 * the field and the fix; they are all reported, not only the first.
 */
export async function resolveRelationTargets(
  root: string,
  fields: FieldSpec[],
  scope: ResourceScope,
  resourceModel: string
): Promise<{ relations: RelationField[]; problems: string[] }> {
  const relations: RelationField[] = []
  const problems: string[] = []
  for (const field of fields.filter((candidate) => candidate.relation !== null)) {
    try {
      relations.push({ ...field, target: await resolveTarget(root, field, scope, resourceModel) })
    } catch (error) {
      if (!(error instanceof FieldSpecException)) throw error
      problems.push(error.message)
    }
  }
  return { relations, problems }
}

/** The model a belongs_to field points at, or a {@link FieldSpecException} saying why it cannot. */
async function resolveTarget(
  root: string,
  field: FieldSpec,
  scope: ResourceScope,
  resourceModel: string
): Promise<RelationTarget> {
  const model = field.relation!.model
  if (model === resourceModel) {
    throw new FieldSpecException(`${field.name}:belongs_to: a resource cannot point at itself yet`)
  }
  const file = string.snakeCase(model)
  const path = join(root, 'app/models', `${file}.ts`)
  if (!existsSync(path)) {
    throw new FieldSpecException(
      `${field.name}:belongs_to: there is no model app/models/${file}.ts; create ${model} first`
    )
  }
  const source = await readFile(path, 'utf-8')
  const { default: target } = (await import(pathToFileURL(path).href)) as { default: LucidModel }
  target.boot()
  const isUser = model === 'User'
  const kind = classifyTarget(field, scope, {
    isUser,
    hasProjectId: target.$hasColumn('projectId'),
    hasOwnerId: target.$hasColumn('ownerId'),
  })
  const attributes = [...target.$columnsDefinitions.keys()]
  const titleAttribute =
    titleAttributeOf(attributes) ?? firstStringAttribute(source) ?? target.primaryKey
  const factory = isUser ? null : await findFactory(root, model)
  if (!isUser && !factory) {
    throw new FieldSpecException(
      `${field.name}:belongs_to: ${model} has no factory (export const ${model}Factory in database/factories), which the generated tests need`
    )
  }
  return {
    model,
    file,
    table: target.table,
    kind,
    titleAttribute,
    titleColumn: target.$getColumn(titleAttribute)?.columnName ?? titleAttribute,
    factory,
  }
}

/** The module exporting `<Model>Factory` among the app's factories, if any. */
async function findFactory(root: string, model: string) {
  const folder = join(root, 'database/factories')
  if (!existsSync(folder)) return null
  const files = await readdir(folder)
  for (const file of files.sort()) {
    if (!file.endsWith('.ts')) continue
    const source = await readFile(join(folder, file), 'utf-8')
    if (new RegExp(`export const ${model}Factory\\b`).test(source)) {
      return { name: `${model}Factory`, module: `#database/factories/${file.slice(0, -3)}` }
    }
  }
  return null
}
