import type { FieldSpec } from '#services/scaffold/field_spec'
import type { ResourceNames } from '#services/scaffold/resource_names'
import {
  renderFactory,
  renderMigration,
  renderModel,
  renderPolicy,
  renderTransformer,
  renderValidator,
} from '#services/scaffold/server_templates'
import {
  renderController,
  renderListService,
  renderListValidator,
} from '#services/scaffold/http_templates'
import {
  renderCreatePage,
  renderEditPage,
  renderFiltersComponent,
  renderFormComponent,
  renderIndexPage,
  renderShowPage,
} from '#services/scaffold/page_templates'
import { renderBrowserTest, renderFunctionalTest } from '#services/scaffold/test_templates'

/** One file `make:resource` writes: its path from the app root and its contents. */
export type ResourceFile = { path: string; contents: string }

/** Every path a resource writes except its migration, whose name is numbered when written. */
export function resourceFilePaths(names: ResourceNames): string[] {
  return [
    `app/models/${names.file}.ts`,
    `database/factories/${names.file}_factory.ts`,
    `app/validators/${names.file}.ts`,
    `app/policies/${names.file}_policy.ts`,
    `app/transformers/${names.file}_transformer.ts`,
    `app/services/${names.file}_list.ts`,
    `app/controllers/projects/${names.plural}_controller.ts`,
    `inertia/components/${names.file}_form.tsx`,
    `inertia/components/${names.file}_filters.tsx`,
    `inertia/pages/${names.pagePrefix}/index.tsx`,
    `inertia/pages/${names.pagePrefix}/show.tsx`,
    `inertia/pages/${names.pagePrefix}/create.tsx`,
    `inertia/pages/${names.pagePrefix}/edit.tsx`,
    `tests/functional/projects/${names.plural}.spec.ts`,
    `tests/browser/${names.plural}.spec.ts`,
  ]
}

/**
 * Renders every file of a resource; `migrationPath` is the numbered migration to write. A file
 * with nothing to hold (the filter bar of a list without filters) is left out.
 */
export function renderResourceFiles(
  names: ResourceNames,
  fields: FieldSpec[],
  migrationPath: string
): ResourceFile[] {
  const input = { names, fields }
  const contents = [
    renderModel(input),
    renderFactory(input),
    renderValidator(input) + renderListValidator(input),
    renderPolicy(input),
    renderTransformer(input),
    renderListService(input),
    renderController(input),
    renderFormComponent(input),
    renderFiltersComponent(input),
    renderIndexPage(input),
    renderShowPage(input),
    renderCreatePage(input),
    renderEditPage(input),
    renderFunctionalTest(input),
    renderBrowserTest(input),
  ]
  const files = resourceFilePaths(names)
    .map((path, index) => ({ path, contents: contents[index] }))
    .filter((file) => file.contents !== '')
  return [{ path: migrationPath, contents: renderMigration(input) }, ...files]
}

/** The next numbered migration name (`0019_create_invoices_table.ts`) after `existing`. */
export function nextMigrationPath(existing: string[], names: ResourceNames): string {
  const numbers = existing
    .map((file) => /^(\d+)_/.exec(file)?.[1])
    .filter((value): value is string => Boolean(value))
  const width = numbers.length ? Math.max(...numbers.map((value) => value.length)) : 4
  const next = numbers.length ? Math.max(...numbers.map(Number)) + 1 : 1
  return `database/migrations/${String(next).padStart(width, '0')}_create_${names.table}_table.ts`
}
