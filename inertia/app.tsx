import './css/app.css'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { createInertiaApp } from '@inertiajs/react'
import { pageResolver } from '~/lib/pages'

const appName = import.meta.env.VITE_APP_NAME || 'Atrium'

const { resolve, layout } = pageResolver(
  import.meta.glob('./pages/**/*.tsx'),
  import.meta.glob(['./layouts/app_layout.tsx', './layouts/guest_layout.tsx'])
)

createInertiaApp({
  title: (title) => (title ? `${title} · ${appName}` : appName),
  resolve,
  layout,
  setup({ el, App, props }) {
    const app = <App {...props} />
    if (el.hasAttribute('data-server-rendered')) hydrateRoot(el, app)
    else createRoot(el).render(app)
  },
  progress: {
    delay: 250,
    color: 'var(--primary)',
    showSpinner: false,
  },
})
