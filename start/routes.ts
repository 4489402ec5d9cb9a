/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| Every page is an Inertia render; there is no separate REST layer. Names
| feed the typed client routes (Tuyau) used by the React pages.
|
*/

import { middleware } from '#start/kernel'
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

router.on('/').renderInertia('home', {}).as('home')

router
  .group(() => {
    router.get('live', [controllers.HealthChecks, 'live']).as('live')
    router.get('ready', [controllers.HealthChecks, 'ready']).as('ready')
  })
  .prefix('health')
  .as('health')

router
  .group(() => {
    router.get('login', [controllers.Session, 'create']).as('session.create')
    router.post('login', [controllers.Session, 'store']).as('session.store')
  })
  .use(middleware.guest())

router
  .group(() => {
    router.post('logout', [controllers.Session, 'destroy']).as('session.destroy')
  })
  .use(middleware.auth())

/** Development only: the UI primitives on one page. Not registered in production. */
if (!app.inProduction) {
  router.on('/dev/ui').renderInertia('dev/ui', {}).as('dev.ui')
}
