import ReactDOMServer from 'react-dom/server'
import { createInertiaApp } from '@inertiajs/react'
import type { Page } from '@inertiajs/core'
import { pageResolver } from '~/lib/pages'
import { RenderCache } from '~/lib/render_cache'

const appName = import.meta.env.VITE_APP_NAME || 'Atrium'

const { resolve, layout } = pageResolver(
  import.meta.glob('./pages/**/*.tsx', { eager: true }),
  import.meta.glob(['./layouts/app_layout.tsx', './layouts/guest_layout.tsx'], { eager: true })
)

function renderPage(page: Page) {
  return createInertiaApp({
    page,
    render: ReactDOMServer.renderToString,
    title: (title) => (title ? `${title} · ${appName}` : appName),
    resolve,
    layout,
    setup: ({ App, props }) => <App {...props} />,
  })
}

/** Guest pages render the same for everyone with the same page object: render them once a minute. */
const guestRenders = new RenderCache<Awaited<ReturnType<typeof renderPage>>>({
  maxEntries: 200,
  ttlMs: 60_000,
})

/**
 * Renders a page to HTML on the server for the first visit; the browser then hydrates it. A page
 * seen by a guest (no user in its props) is rendered once and reused for identical page objects.
 */
export default function render(page: Page) {
  if ((page.props as { user?: unknown }).user) return renderPage(page)
  return guestRenders.get(JSON.stringify(page), () => renderPage(page))
}
