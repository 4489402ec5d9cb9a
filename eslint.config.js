import { configApp } from '@adonisjs/eslint-config'
import { react } from '@adonisjs/eslint-config/react'

export default configApp(
  ...react,
  // Global ignores (an object with `ignores` alone): build output, scratch files, generated code.
  { ignores: ['ssr/**', 'tmp/**', 'openapi/client/**'] },
  {
    rules: {
      /*
       * Pages link with Inertia's <Link href={urlFor('route.name', params)}>: the href is typed by
       * the route registry, and the browser does not download Tuyau's HTTP client for it.
       */
      '@adonisjs/prefer-adonisjs-inertia-link': 'off',
      /*
       * shared/ holds plain constants and types without imports (task statuses, project roles):
       * the one module both the server and the pages read them from.
       */
      '@adonisjs/no-backend-import-in-frontend': ['error', { allowed: ['#shared/*'] }],
    },
  }
)
