import type { FieldSpec } from '#scaffold/field_spec'
import {
  enumConstant,
  enumType,
  fakeValue,
  relationMessage,
  messageName,
  migrationColumn,
  modelDecorator,
  modelType,
  transformedValues,
  vineRule,
} from '#scaffold/field_code'
import { listValidatorRules } from '#scaffold/http_state'
import { apiValidatorRules } from '#scaffold/api_state'
import { type Resource, capitalize, inProject, scopeColumn, targetOf } from '#scaffold/resource'

/*
| What the server-side stubs of make:resource (stubs/make/resource/*.stub) are rendered with:
| the shape of each file is in its stub, the per-field code is computed here.
*/

const hasType = (fields: FieldSpec[], ...types: FieldSpec['type'][]) =>
  fields.some((field) => types.includes(field.type))

const enumsOf = (fields: FieldSpec[]) => fields.filter((field) => field.type === 'enum')

/** The models a resource's belongs_to fields point at, one each, besides `exclude`. */
function relatedModels(resource: Resource, exclude: string[] = []) {
  const models = new Map(
    resource.relations.map((relation) => [relation.target.model, relation.target.file])
  )
  return [...models]
    .filter(([model]) => !exclude.includes(model))
    .map(([model, file]) => ({ model, file }))
}

/** `migration.stub`: the table's columns and the indexes its list and relations use. */
export function migrationState(resource: Resource) {
  const { names, fields } = resource
  const scope = scopeColumn(resource)
  return {
    about: inProject(resource)
      ? `The ${names.pluralLabel} of projects.`
      : `Each user's ${names.pluralLabel}.`,
    columns: fields.map((field) => migrationColumn(resource, field)),
    indexes: [
      ...fields
        .filter((field) => field.unique)
        .map((field) => `table.unique(['${scope.column}', '${field.column}'])`),
      `table.index(['${scope.column}', 'id'])`,
      ...resource.relations.map((field) => `table.index(['${field.column}'])`),
    ],
  }
}

/** `model.stub`: enums, column decorators and types, relations. */
export function modelState(resource: Resource) {
  const { names, fields } = resource
  const project = inProject(resource)
  return {
    about: capitalize(
      project ? `${names.aLabel} of a project` : `${names.aLabel} of the user who made it`
    ),
    relatedModels: relatedModels(resource, [project ? 'Project' : 'User']),
    enums: enumsOf(fields).map((field) => ({
      property: field.property,
      constant: enumConstant(names, field),
      type: enumType(names, field),
      values: field.values.map((value) => `'${value}'`).join(', '),
    })),
    columns: fields.map((field) => {
      const target = field.relation ? targetOf(resource, field) : null
      return {
        property: field.property,
        decorator: modelDecorator(field),
        type: modelType(names, field),
        relation: target && {
          model: target.model,
          property: field.relation!.property,
          options:
            field.relation!.property === target.file ? '' : `, { foreignKey: '${field.property}' }`,
        },
      }
    }),
  }
}

/**
 * `factory.stub`: fake values, and the factories of the required belongs_to made by its hook
 * in the same project (or for the same owner).
 */
export function factoryState(resource: Resource) {
  const { names, fields } = resource
  const project = inProject(resource)
  const enumImports = enumsOf(fields).map((field) => enumConstant(names, field))
  const required = resource.relations.filter((field) => !field.nullable)
  const factoryImports = new Map<string, Set<string>>()
  const addImport = (name: string, module: string) =>
    factoryImports.set(module, (factoryImports.get(module) ?? new Set()).add(name))
  addImport(
    project ? 'ProjectFactory' : 'UserFactory',
    project ? '#database/factories/project_factory' : '#database/factories/user_factory'
  )
  for (const field of required) {
    const factory = targetOf(resource, field).factory!
    addImport(factory.name, factory.module)
  }
  const parentNote = project
    ? "merge a `projectId` (or use `.with('project')`)"
    : "merge an `ownerId` (or use `.with('owner')`)"
  return {
    about: `${capitalize(names.pluralLabel)} for tests and seeds: ${parentNote}.`,
    usesDates: hasType(fields, 'date', 'datetime'),
    enumImports: enumImports.length ? `, { ${enumImports.join(', ')} }` : '',
    factoryImports: [...factoryImports].map(([module, named]) => ({
      module,
      names: [...named].sort().join(', '),
    })),
    values: fields
      .filter((field) => field.type !== 'belongs_to')
      .map((field) => ({ property: field.property, fake: fakeValue(names, field) })),
    scope: scopeColumn(resource),
    required: required.map((field) => ({
      property: field.property,
      variable: field.relation!.property,
      factory: targetOf(resource, field).factory!.name,
    })),
  }
}

/**
 * `validator.stub`: the rules shared by createXValidator and updateXValidator, the messages that
 * name the fields as pages do, and the list's query string rules.
 */
export function validatorState(resource: Resource) {
  const { names, fields } = resource
  const hasUnique = fields.some((field) => field.unique)
  return {
    scope: scopeColumn(resource),
    enumImports: enumsOf(fields)
      .map((field) => enumConstant(names, field))
      .join(', '),
    hasUnique,
    relations: resource.relations.length > 0,
    needsScope: hasUnique || resource.relations.length > 0,
    rules: fields.map((field) => ({ property: field.property, rule: vineRule(resource, field) })),
    relationMessages: resource.relations.map((field) => ({
      property: field.property,
      text: JSON.stringify(relationMessage(resource, field)),
    })),
    fieldNames: fields
      .filter((field) => messageName(field) !== field.property)
      .map((field) => ({ property: field.property, name: messageName(field) })),
    listRules: listValidatorRules(resource),
    ...apiValidatorRules(resource),
  }
}

/** `transformer.stub`: the only way a row reaches pages. */
export function transformerState(resource: Resource) {
  const { names, fields } = resource
  const preload = resource.relations.length ? ' (preload its relations to name them)' : ''
  return {
    about: `${capitalize(names.aLabel)} as pages see it${preload}.`,
    values: fields.flatMap((field) => transformedValues(resource, field)),
  }
}
