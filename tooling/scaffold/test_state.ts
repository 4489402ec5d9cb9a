import type { FieldSpec } from '#scaffold/field_spec'
import {
  fieldLabel,
  messageName,
  relationMessage,
  relationVariable,
  sampleValue,
  withArticle,
} from '#scaffold/field_code'
import { filterFields } from '#scaffold/http_state'
import {
  type Resource,
  capitalize,
  humanize,
  inProject,
  scopeColumn,
  targetOf,
  titleField,
} from '#scaffold/resource'

/*
| What the test stubs of make:resource (stubs/make/resource/tests/*.stub) are rendered with. A
| project's resource is tested with a project and its cast (owner, editor, viewer, non-member);
| an owner's with the user who keeps it and a stranger.
*/

/** The people of a generated test and the lines that create them. */
function actors(resource: Resource) {
  if (inProject(resource)) {
    return {
      setup: {
        scope: 'const { project } = await projectWithCast()',
        writer: 'const { project, users } = await projectWithCast()',
        all: 'const { project, users } = await projectWithCast()',
      },
      writer: 'users.editor',
      reader: 'users.viewer',
      scope: '{ projectId: project.id }',
      owner: 'project.id',
    }
  }
  return {
    setup: {
      scope: 'const user = await UserFactory.create()',
      writer: 'const user = await UserFactory.create()',
      all: 'const [user, stranger] = await UserFactory.createMany(2)',
    },
    writer: 'user',
    reader: 'user',
    scope: '{ ownerId: user.id }',
    owner: 'user.id',
  }
}

/** The list URL as a template literal's body. */
function listUrl(resource: Resource): string {
  return inProject(resource)
    ? `/projects/\${project.id}/${resource.names.plural}`
    : `/${resource.names.plural}`
}

/**
 * Lines defining the rows the sample forms point at (`reviewer0`, `reviewer1`): members of the
 * project, rows of the same project or of the same owner.
 */
export function relationSetup(resource: Resource, variants: (0 | 1)[], skip: string | null = null) {
  return resource.relations
    .filter((field) => field.property !== skip)
    .flatMap((field) => {
      const target = targetOf(resource, field)
      const scope = scopeColumn(resource)
      const owner = inProject(resource) ? 'project.id' : 'user.id'
      const make = `await ${target.factory?.name}.merge({ ${scope.property}: ${owner} }).create()`
      const members = ['users.editor', 'users.viewer']
      return variants.map(
        (variant) =>
          `const ${relationVariable(field, variant)} = ${target.kind === 'user' ? members[variant] : make}`
      )
    })
}

/** The form a test sends: a valid value for every field. */
function sampleForm(
  fields: FieldSpec[],
  variant: 0 | 1,
  overrides: Record<string, string> = {}
): string {
  const values = fields.map(
    (field) => `${field.property}: ${overrides[field.property] ?? sampleValue(field, variant).sent}`
  )
  const extra = Object.entries(overrides)
    .filter(([key]) => !fields.some((field) => field.property === key))
    .map(([key, value]) => `${key}: ${value}`)
  return `{ ${[...values, ...extra].join(', ')} }`
}

/** Assertions that `row` holds the sample values (date-times read in the writer's zone). */
export function sampleAssertions(fields: FieldSpec[], variant: 0 | 1, row: string, writer: string) {
  return fields.map((field) => {
    const { stored } = sampleValue(field, variant)
    const value = `${row}.${field.property}`
    if (field.type === 'date') return `assert.equal(${value}?.toISODate(), ${stored})`
    if (field.type === 'datetime') {
      return `assert.equal(\n      ${value}?.setZone(${writer}.timeZone).toFormat("yyyy-MM-dd'T'HH:mm"),\n      ${stored}\n    )`
    }
    return `assert.equal(${value}, ${stored})`
  })
}

/** The list's filter test, on its first enum (or boolean) field with two values; else null. */
function filterTest(resource: Resource) {
  const field = filterFields(resource.fields)[0]
  if (!field) return null
  const [wanted, other, query] =
    field.type === 'enum'
      ? [`'${field.values[0]}'`, `'${field.values[1] ?? field.values[0]}'`, field.values[0]]
      : ['true', 'false', 'yes']
  if (wanted === other) return null
  return { name: messageName(field), property: field.property, wanted, other, query }
}

/** The test that the first relation refuses a row the form would not offer; else null. */
function relationTest(resource: Resource, writer: string) {
  const field = resource.relations[0]
  if (!field) return null
  const target = targetOf(resource, field)
  const whose =
    target.kind === 'user'
      ? 'a member of another project only'
      : inProject(resource)
        ? 'a row of another project'
        : "someone else's row"
  return {
    aName: withArticle(field),
    whose,
    kind: target.kind,
    factory: target.factory?.name ?? null,
    property: field.property,
    setup: relationSetup(resource, [0], field.property),
    form: sampleForm(resource.fields, 0, { [field.property]: 'foreign.id' }),
    message: JSON.stringify(relationMessage(resource, field)),
    writer,
  }
}

/** The factories a functional test imports, by module. */
function functionalFactories(resource: Resource) {
  const { names } = resource
  const factories = new Map<string, Set<string>>()
  const add = (name: string, module: string) =>
    factories.set(module, (factories.get(module) ?? new Set()).add(name))
  add(`${names.model}Factory`, `#database/factories/${names.file}_factory`)
  add('UserFactory', '#database/factories/user_factory')
  for (const field of resource.relations) {
    const factory = targetOf(resource, field).factory
    if (factory) add(factory.name, factory.module)
  }
  return [...factories].map(([module, named]) => ({ module, names: [...named].sort().join(', ') }))
}

/** `tests/functional.stub`: access, the list, every change, every refusal, the admin. */
export function functionalTestState(resource: Resource) {
  const { fields } = resource
  const who = actors(resource)
  const title = titleField(resource)
  return {
    ...who,
    url: listUrl(resource),
    scopeColumn: scopeColumn(resource).column,
    adminSlug: resource.names.plural.replaceAll('_', '-'),
    factories: functionalFactories(resource),
    relations: {
      first: relationSetup(resource, [0]),
      second: relationSetup(resource, [1]),
      both: relationSetup(resource, [0, 1]),
    },
    forms: {
      first: sampleForm(fields, 0),
      secondAtVersion: sampleForm(fields, 1, { version: 'row.version' }),
      firstDrawnAt: sampleForm(fields, 0, { version: 'drawnAt' }),
      secondDrawnAt: sampleForm(fields, 1, { version: 'drawnAt' }),
    },
    assertions: {
      first: sampleAssertions(fields, 0, 'row', who.writer),
      second: sampleAssertions(fields, 1, 'row', who.writer),
    },
    requiredFields: fields
      .filter((field) => !field.nullable && field.type !== 'boolean')
      .map((field) => ({ property: field.property, name: messageName(field) })),
    filter: filterTest(resource),
    search: title ? { name: messageName(title), property: title.property } : null,
    relationTest: relationTest(resource, who.writer),
  }
}

/** How the browser test fills a field on the form, with the sample value `variant`. */
function fillField(field: FieldSpec, variant: 0 | 1): string {
  const input = `page.getByLabel('${fieldLabel(field)}', { exact: true })`
  const { sent } = sampleValue(field, variant)
  if (field.type === 'boolean') return `await ${input}.${sent === 'true' ? 'check' : 'uncheck'}()`
  if (field.type === 'enum') return `await ${input}.selectOption(${sent})`
  if (field.type === 'belongs_to') return `await ${input}.selectOption(String(${sent}))`
  return `await ${input}.fill(${/^'/.test(sent) ? sent : `'${sent}'`})`
}

/**
 * `tests/browser.stub`: from the navigation to the list, create a row, edit it, delete it after
 * confirming, as a person would.
 */
export function browserTestState(resource: Resource) {
  const { names, fields } = resource
  const who = actors(resource)
  const shown = titleField(resource)
  const factories = resource.relations
    .map((field) => targetOf(resource, field).factory)
    .filter((factory) => factory !== null)
  return {
    ...who,
    url: listUrl(resource),
    listTitle: humanize(names.pluralLabel),
    heading: capitalize(names.label),
    factories: [...new Map(factories.map((factory) => [factory.name, factory])).values()],
    relations: { both: relationSetup(resource, [0, 1]) },
    fills: {
      first: fields.map((field) => fillField(field, 0)),
      second: fields.map((field) => fillField(field, 1)),
    },
    shown: shown && {
      name: shown.name,
      first: sampleValue(shown, 0).sent,
      second: sampleValue(shown, 1).sent,
    },
  }
}
