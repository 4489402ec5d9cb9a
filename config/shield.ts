import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/shield'

/*
|--------------------------------------------------------------------------
| Shield: security headers and CSRF
|--------------------------------------------------------------------------
|
| Scripts run only from this origin or with the per-response nonce (the
| root view passes it to every script tag it writes). Inline styles stay
| allowed: React style attributes need them. Nothing may frame the app.
| HSTS is sent in production only, where the app is served over HTTPS.
|
*/
const devServerSources = app.inDev ? ['ws:', 'wss:'] : []

const shieldConfig = defineConfig({
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, '@nonce'],
      styleSrc: [`'self'`, `'unsafe-inline'`],
      imgSrc: [`'self'`, 'data:'],
      fontSrc: [`'self'`, 'data:'],
      connectSrc: [`'self'`, ...devServerSources],
      objectSrc: [`'none'`],
      baseUri: [`'self'`],
      formAction: [`'self'`],
      frameAncestors: [`'none'`],
    },
    reportOnly: false,
  },

  csrf: {
    enabled: true,
    // The API's token login is answered without a session: there is no CSRF token to send.
    exceptRoutes: ['/api/v1/tokens'],
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },

  xFrame: {
    enabled: true,
    action: 'DENY',
  },

  hsts: {
    enabled: app.inProduction,
    maxAge: '180 days',
    includeSubDomains: true,
  },

  contentTypeSniffing: {
    enabled: true,
  },
})

export default shieldConfig
