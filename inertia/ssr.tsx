import ReactDOMServer from 'react-dom/server'
import { createInertiaApp } from '@inertiajs/react'
import type { Page } from '@inertiajs/core'
import { resolvePage } from '~/lib/pages'

const appName = import.meta.env.VITE_APP_NAME || 'Atrium'

/** Renders a page to HTML on the server for the first visit; the browser then hydrates it. */
export default function render(page: Page) {
  return createInertiaApp({
    page,
    render: ReactDOMServer.renderToString,
    title: (title) => (title ? `${title} · ${appName}` : appName),
    resolve: (name) => resolvePage(name, import.meta.glob('./pages/**/*.tsx', { eager: true })),
    setup: ({ App, props }) => <App {...props} />,
  })
}
