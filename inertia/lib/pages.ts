import type { ComponentType, ReactNode } from 'react'
import type { Page } from '@inertiajs/core'
import type { ResolvedComponent } from '@inertiajs/react'

/** Modules found by `import.meta.glob`: loaders in the browser, the modules themselves in SSR. */
export type Modules = Record<string, unknown>

type Layout = ComponentType<{ children: ReactNode }>

/** The default layouts, by the path `import.meta.glob` gives them from inertia/. */
export const DEFAULT_LAYOUTS = {
  app: './layouts/app_layout.tsx',
  guest: './layouts/guest_layout.tsx',
} as const

/**
 * The layout of a page that sets none: the app's when someone is logged in (navigation, account
 * menu), the guest's otherwise. The root view preloads the same one (#services/client_entries).
 */
export function defaultLayoutPath(page: Pick<Page, 'props'>): string {
  return page.props.user ? DEFAULT_LAYOUTS.app : DEFAULT_LAYOUTS.guest
}

async function load<T>(modules: Modules, path: string): Promise<T> {
  const found = modules[path]
  if (found === undefined) throw new Error(`No module at "${path}" under inertia/`)
  const module = (await (typeof found === 'function' ? found() : found)) as { default?: T }
  if (!module?.default) throw new Error(`"${path}" has no default export`)
  return module.default
}

/**
 * Resolves page names ("auth/login") to the components under inertia/pages, and gives each page
 * that sets no `layout` its default one (`defaultLayoutPath`), loaded with the page: a guest's
 * first load never downloads the signed-in shell. Shared by the browser and the SSR entries; pass
 * `resolve` and `layout` to `createInertiaApp`.
 */
export function pageResolver(pages: Modules, layouts: Modules) {
  const loaded = new Map<string, Layout>()

  return {
    async resolve(name: string, page?: Page): Promise<ResolvedComponent> {
      const component = await load<ResolvedComponent>(pages, `./pages/${name}.tsx`)
      const path = page && !component.layout ? defaultLayoutPath(page) : undefined
      if (path && !loaded.has(path)) loaded.set(path, await load<Layout>(layouts, path))
      return component
    },
    layout(_name: string, page: Page): Layout | undefined {
      return loaded.get(defaultLayoutPath(page))
    },
  }
}
