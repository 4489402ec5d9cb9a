import './css/app.css'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { createInertiaApp } from '@inertiajs/react'
import { pageResolver } from '~/lib/pages'
import { MarkReady } from '~/lib/mark_ready'
import { followLostAnswers, withTabHeader } from '~/lib/browser_tab'
import { followOwnVisits } from '~/lib/live_reload'

const appName = import.meta.env.VITE_APP_NAME || 'Atrium'

// The guest area's pages (GUEST_PAGE_FOLDERS and GUEST_PAGES, app/services/http/client_entries.ts);
// the others load with ./app_pages the first time one is shown.
const { resolve, layout } = pageResolver(
  import.meta.glob([
    './pages/auth/**/*.tsx',
    './pages/errors/**/*.tsx',
    './pages/invitations/**/*.tsx',
    './pages/home.tsx',
  ]),
  import.meta.glob(['./layouts/app_layout.tsx', './layouts/guest_layout.tsx']),
  () => import('./app_pages').then((module) => module.pages)
)

followOwnVisits()
followLostAnswers()

createInertiaApp({
  title: (title) => (title ? `${title} · ${appName}` : appName),
  resolve,
  layout,
  setup({ el, App, props }) {
    const app = (
      <MarkReady root={el}>
        <App {...props} />
      </MarkReady>
    )
    if (el.hasAttribute('data-server-rendered')) hydrateRoot(el, app)
    else createRoot(el).render(app)
  },
  progress: {
    delay: 250,
    color: 'var(--primary)',
    showSpinner: false,
  },
  defaults: { visitOptions: withTabHeader },
})
