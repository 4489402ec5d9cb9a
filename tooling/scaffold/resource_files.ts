import { join } from 'node:path'
import type { ResourceNames } from '#scaffold/resource_names'
import { type Resource, inProject } from '#scaffold/resource'
import {
  factoryState,
  migrationState,
  modelState,
  transformerState,
  validatorState,
} from '#scaffold/server_state'
import {
  choicesServiceState,
  controllerState,
  listServiceState,
  servicePaths,
} from '#scaffold/http_state'
import {
  createPageState,
  editPageState,
  filtersComponentState,
  formComponentState,
  indexPageState,
  showPageState,
} from '#scaffold/page_state'
import { browserTestState, functionalTestState } from '#scaffold/test_state'
import { adminState } from '#scaffold/admin_state'
import { apiControllerState, apiResourceState, apiTestState } from '#scaffold/api_state'

/** One file `make:resource` writes: its path from the app root and its contents. */
export type ResourceFile = { path: string; contents: string }

/**
 * Renders the stub at `stubPath` (under the stubs folder, `make/resource/model.stub`) with
 * `state`, writing nothing: the contents of the file the stub exports to.
 */
export type RenderStub = (stubPath: string, state: Record<string, unknown>) => Promise<string>

/**
 * One file of a resource: the stub it is rendered from and the state its per-field code comes
 * in; a null state leaves the file out (a list without filters has no filter bar).
 */
type ResourceStub = { path: string; stub: string; state: () => Record<string, unknown> | null }

/** The folder of make:resource's stubs, under the app's stubs folder. */
export const RESOURCE_STUBS = 'make/resource'

/** Every file of a resource but its migration, in the order they are written. */
function resourceStubs(resource: Resource): ResourceStub[] {
  const { names } = resource
  const project = inProject(resource)
  const services = servicePaths(names)
  const none = () => ({})
  return [
    { path: `app/models/${names.file}.ts`, stub: 'model', state: () => modelState(resource) },
    {
      path: `database/factories/${names.file}_factory.ts`,
      stub: 'factory',
      state: () => factoryState(resource),
    },
    {
      path: `app/validators/${names.file}.ts`,
      stub: 'validator',
      state: () => validatorState(resource),
    },
    {
      path: `app/policies/${names.file}_policy.ts`,
      stub: project ? 'policy_project' : 'policy_owner',
      state: none,
    },
    {
      path: `app/transformers/${names.file}_transformer.ts`,
      stub: 'transformer',
      state: () => transformerState(resource),
    },
    {
      path: `app/services/${services.list}.ts`,
      stub: 'list_service',
      state: () => listServiceState(resource),
    },
    {
      path: `app/services/${services.choices}.ts`,
      stub: 'choices_service',
      state: () => choicesServiceState(resource),
    },
    {
      path: names.controllerPath,
      stub: project ? 'controller_project' : 'controller_owner',
      state: () => controllerState(resource),
    },
    {
      path: `app/api/resources/${names.plural}.ts`,
      stub: 'api/resource',
      state: () => apiResourceState(resource),
    },
    {
      path: `app/controllers/api/${names.plural}_controller.ts`,
      stub: 'api/controller',
      state: () => apiControllerState(resource),
    },
    {
      path: `app/admin/models/${names.file}_admin.ts`,
      stub: 'admin',
      state: () => adminState(resource),
    },
    {
      path: `inertia/components/${names.file}_form.tsx`,
      stub: 'components/form',
      state: () => formComponentState(resource),
    },
    {
      path: `inertia/components/${names.file}_filters.tsx`,
      stub: 'components/filters',
      state: () => filtersComponentState(resource),
    },
    {
      path: `inertia/pages/${names.pagePrefix}/index.tsx`,
      stub: 'pages/index',
      state: () => indexPageState(resource),
    },
    {
      path: `inertia/pages/${names.pagePrefix}/show.tsx`,
      stub: 'pages/show',
      state: () => showPageState(resource),
    },
    {
      path: `inertia/pages/${names.pagePrefix}/create.tsx`,
      stub: 'pages/create',
      state: () => createPageState(resource),
    },
    {
      path: `inertia/pages/${names.pagePrefix}/edit.tsx`,
      stub: 'pages/edit',
      state: () => editPageState(resource),
    },
    {
      path: `tests/functional/${names.testArea}/${names.plural}.spec.ts`,
      stub: 'tests/functional',
      state: () => functionalTestState(resource),
    },
    {
      path: `tests/functional/api/${names.plural}.spec.ts`,
      stub: 'tests/api',
      state: () => apiTestState(resource),
    },
    {
      path: `tests/browser/${names.plural}.spec.ts`,
      stub: 'tests/browser',
      state: () => browserTestState(resource),
    },
  ]
}

/**
 * Every path a resource may write except its migration, whose name is numbered when written:
 * what must be free before anything is written.
 */
export function resourceFilePaths(names: ResourceNames): string[] {
  const resource: Resource = { names, fields: [], relations: [] }
  return resourceStubs(resource).map(({ path }) => path)
}

/**
 * Renders every file of a resource from its stub (`stubs/make/resource/<stub>.stub`), writing
 * nothing; `migrationPath` is the numbered migration to write. Each stub gets the resource's
 * names, whether it belongs to a project and its `destination`, besides its own state.
 */
export async function renderResourceFiles(
  resource: Resource,
  migrationPath: string,
  root: string,
  render: RenderStub
): Promise<ResourceFile[]> {
  const stubs = [
    { path: migrationPath, stub: 'migration', state: () => migrationState(resource) },
    ...resourceStubs(resource),
  ]
  const files: ResourceFile[] = []
  for (const { path, stub, state } of stubs) {
    const own = state()
    if (own === null) continue
    const contents = await render(`${RESOURCE_STUBS}/${stub}.stub`, {
      names: resource.names,
      project: inProject(resource),
      destination: join(root, path),
      ...own,
    })
    files.push({ path, contents })
  }
  return files
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
