/**
 * The loaders of the pages outside the guest area (inertia/app.tsx lists the guest's own): a
 * module of its own, fetched the first time such a page is shown, so the guest's first load does
 * not carry the chunk names of every signed-in page and stays the same size as the app grows.
 * Keep its exclusions in step with app.tsx and GUEST_PAGE_FOLDERS and GUEST_PAGES
 * (app/services/http/client_entries.ts); tests/unit/guest_pages.spec.ts compares the three.
 */
export const pages = import.meta.glob([
  './pages/**/*.tsx',
  '!./pages/auth/**',
  '!./pages/errors/**',
  '!./pages/invitations/**',
  '!./pages/home.tsx',
])
