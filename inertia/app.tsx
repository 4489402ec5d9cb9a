import './css/app.css'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { createInertiaApp } from '@inertiajs/react'
import { resolvePage } from '~/lib/pages'

const appName = import.meta.env.VITE_APP_NAME || 'Atrium'

createInertiaApp({
  title: (title) => (title ? `${title} · ${appName}` : appName),
  resolve: (name) => resolvePage(name, import.meta.glob('./pages/**/*.tsx')),
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
