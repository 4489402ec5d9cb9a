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
 * first load never downloads the signed-in shell. A page missing from `pages` is looked up in
 * `morePages`, loaded once when first needed (the browser keeps the signed-in pages' loaders
 * there). Shared by the browser and the SSR entries; pass `resolve` and `layout` to
 * `createInertiaApp`.
 */
export function pageResolver(pages: Modules, layouts: Modules, morePages?: () => Promise<Modules>) {
  const loaded = new Map<string, Layout>()
  let more: Promise<Modules> | undefined

  async function pagesWith(path: string): Promise<Modules> {
    if (path in pages || !morePages) return pages
    more ??= morePages()
    return more
  }

  return {
    async resolve(name: string, page?: Page): Promise<ResolvedComponent> {
      const path = `./pages/${name}.tsx`
      const component = await load<ResolvedComponent>(await pagesWith(path), path)
      const layoutPath = page && !component.layout ? defaultLayoutPath(page) : undefined
      if (layoutPath && !loaded.has(layoutPath)) {
        loaded.set(layoutPath, await load<Layout>(layouts, layoutPath))
      }
      return component
    },
    layout(_name: string, page: Page): Layout | undefined {
      return loaded.get(defaultLayoutPath(page))
    },
  }
}
