import type { ReactNode } from 'react'
import AppLayout from '~/layouts/app_layout'
import { resolvePageComponent } from '@adonisjs/inertia/helpers'
import type { ResolvedComponent } from '@inertiajs/react'

type PageModules = Record<string, Promise<unknown> | (() => Promise<unknown>) | unknown>

/**
 * Resolves a page name ("auth/login") to its component under inertia/pages and wraps it in the
 * app layout unless the page sets its own `layout`. Shared by the browser and the SSR entry.
 */
export function resolvePage(name: string, pages: PageModules): Promise<ResolvedComponent> {
  return resolvePageComponent(`./pages/${name}.tsx`, pages, (page: ReactNode) => (
    <AppLayout>{page}</AppLayout>
  )) as Promise<ResolvedComponent>
}
