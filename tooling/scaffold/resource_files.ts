import type { ResourceNames } from '#scaffold/resource_names'
import type { Resource } from '#scaffold/resource'
import {
  renderFactory,
  renderMigration,
  renderModel,
  renderPolicy,
  renderTransformer,
  renderValidator,
} from '#scaffold/server_templates'
import {
  renderChoicesService,
  renderController,
  renderListService,
  renderListValidator,
} from '#scaffold/http_templates'
import {
  renderCreatePage,
  renderEditPage,
  renderFiltersComponent,
  renderFormComponent,
  renderIndexPage,
  renderShowPage,
} from '#scaffold/page_templates'
import { renderBrowserTest, renderFunctionalTest } from '#scaffold/test_templates'
import { renderAdmin } from '#scaffold/admin_template'

/** One file `make:resource` writes: its path from the app root and its contents. */
export type ResourceFile = { path: string; contents: string }

/** What each file of a resource is, by path, and how it is rendered. */
function fileRenderers(names: ResourceNames): [string, (resource: Resource) => string][] {
  return [
    [`app/models/${names.file}.ts`, renderModel],
    [`database/factories/${names.file}_factory.ts`, renderFactory],
    [
      `app/validators/${names.file}.ts`,
      (resource) => renderValidator(resource) + renderListValidator(resource),
    ],
    [`app/policies/${names.file}_policy.ts`, renderPolicy],
    [`app/transformers/${names.file}_transformer.ts`, renderTransformer],
    [`app/services/${names.file}_list.ts`, renderListService],
    [`app/services/${names.file}_choices.ts`, renderChoicesService],
    [names.controllerPath, renderController],
    [`app/admin/models/${names.file}_admin.ts`, renderAdmin],
    [`inertia/components/${names.file}_form.tsx`, renderFormComponent],
    [`inertia/components/${names.file}_filters.tsx`, renderFiltersComponent],
    [`inertia/pages/${names.pagePrefix}/index.tsx`, renderIndexPage],
    [`inertia/pages/${names.pagePrefix}/show.tsx`, renderShowPage],
    [`inertia/pages/${names.pagePrefix}/create.tsx`, renderCreatePage],
    [`inertia/pages/${names.pagePrefix}/edit.tsx`, renderEditPage],
    [`tests/functional/${names.testArea}/${names.plural}.spec.ts`, renderFunctionalTest],
    [`tests/browser/${names.plural}.spec.ts`, renderBrowserTest],
  ]
}

/**
 * Every path a resource may write except its migration, whose name is numbered when written:
 * what must be free before anything is written.
 */
export function resourceFilePaths(names: ResourceNames): string[] {
  return fileRenderers(names).map(([path]) => path)
}

/**
 * Renders every file of a resource; `migrationPath` is the numbered migration to write. A file
 * with nothing to hold (the filter bar of a list without filters, the choices of a resource
 * without relations) is left out.
 */
export function renderResourceFiles(resource: Resource, migrationPath: string): ResourceFile[] {
  const files = fileRenderers(resource.names)
    .map(([path, render]) => ({ path, contents: render(resource) }))
    .filter((file) => file.contents !== '')
  return [{ path: migrationPath, contents: renderMigration(resource) }, ...files]
}

/** The next numbered migration name (`0020_create_invoices_table.ts`) after `existing`. */
export function nextMigrationPath(existing: string[], names: ResourceNames): string {
  const numbers = existing
    .map((file) => /^(\d+)_/.exec(file)?.[1])
    .filter((value): value is string => Boolean(value))
  const width = numbers.length ? Math.max(...numbers.map((value) => value.length)) : 4
  const next = numbers.length ? Math.max(...numbers.map(Number)) + 1 : 1
  return `database/migrations/${String(next).padStart(width, '0')}_create_${names.table}_table.ts`
}
