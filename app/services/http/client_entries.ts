/** The part of an Inertia page object that decides what its first load needs. */
export type PageEntryInput = { component: string; props: { user?: unknown } }

/** Page folders whose pages set their own layout (`Page.layout = AdminLayout`). */
const PAGES_WITH_OWN_LAYOUT = ['admin/']

/**
 * The browser-bundle entries the first load of a page needs, for the root view's `@vite` tag,
 * which preloads each with its imports: the app, the page, and the layout the browser will wrap
 * it in. The layout follows the rule of inertia/lib/pages.ts (`defaultLayoutPath`): the app's
 * when someone is logged in, the guest's otherwise, none for pages that bring their own.
 */
export function clientEntries(page: PageEntryInput): string[] {
  const entries = ['inertia/app.tsx', `inertia/pages/${page.component}.tsx`]
  if (PAGES_WITH_OWN_LAYOUT.some((folder) => page.component.startsWith(folder))) return entries
  const layout = page.props.user ? 'app_layout' : 'guest_layout'
  return [...entries, `inertia/layouts/${layout}.tsx`]
}
