/** The part of an Inertia page object that decides what its first load needs. */
export type PageEntryInput = { component: string; props: { user?: unknown } }

/**
 * The guest area's pages, which inertia/app.tsx loads itself (keep its globs and the exclusions
 * of inertia/app_pages.ts in step; tests/unit/guest_pages.spec.ts compares them): every page
 * under these folders of inertia/pages, and the pages of GUEST_PAGES. The others come with
 * inertia/app_pages.ts.
 */
export const GUEST_PAGE_FOLDERS = ['auth/', 'errors/', 'invitations/']

/** The guest area's pages at the top of inertia/pages, outside GUEST_PAGE_FOLDERS. */
export const GUEST_PAGES = ['home']

/** Whether `component` ("auth/login") is a page of the guest area. */
export function isGuestPage(component: string): boolean {
  return (
    GUEST_PAGES.includes(component) ||
    GUEST_PAGE_FOLDERS.some((folder) => component.startsWith(folder))
  )
}

/** Page folders whose pages set their own layout (`Page.layout = AdminLayout`). */
const PAGES_WITH_OWN_LAYOUT = ['admin/']

/**
 * The browser-bundle entries the first load of a page needs, for the root view's `@vite` tag,
 * which preloads each with its imports: the app, the page list of the pages outside the guest
 * area (inertia/app_pages.ts) for those pages, the page, and the layout the browser will wrap it
 * in. The layout follows the rule of inertia/lib/pages.ts (`defaultLayoutPath`): the app's when
 * someone is logged in, the guest's otherwise, none for pages that bring their own.
 */
export function clientEntries(page: PageEntryInput): string[] {
  const entries = [
    'inertia/app.tsx',
    ...(isGuestPage(page.component) ? [] : ['inertia/app_pages.ts']),
    `inertia/pages/${page.component}.tsx`,
  ]
  if (PAGES_WITH_OWN_LAYOUT.some((folder) => page.component.startsWith(folder))) return entries
  const layout = page.props.user ? 'app_layout' : 'guest_layout'
  return [...entries, `inertia/layouts/${layout}.tsx`]
}
