/*
|--------------------------------------------------------------------------
| Routes
|--------------------------------------------------------------------------
|
| Every page is an Inertia render; there is no separate REST layer. Names
| feed the typed client routes (the Tuyau registry) used by the React pages.
|
*/

import { middleware } from '#start/kernel'
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { ROW_ID_PARAMS, rowIdMatcher } from '#validators/rules/row_id'
import '#api/resources/main'

/*
| A parameter that names a row (`:id`, `:projectId`, `:taskId`) matches only a row id: any other
| value, or one beyond the key column's range, matches no route (404) and reaches no query.
*/
for (const param of ROW_ID_PARAMS) router.where(param, rowIdMatcher())

/* A queued job is named by the UUID the queue gave it; anything else matches no route (404). */
router.where('job', router.matchers.uuid())

router.on('/').renderInertia('home', {}).as('home')

// Health probes (/health/live, /health/ready) are answered by a server middleware, before any
// session work: see app/middleware/health_probe_middleware.ts.

/*
| Accounts: for guests
*/
router
  .group(() => {
    router.get('signup', [controllers.Signup, 'create']).as('signup.create')
    router.post('signup', [controllers.Signup, 'store']).as('signup.store')
    router.get('login', [controllers.Session, 'create']).as('session.create')
    router.post('login', [controllers.Session, 'store']).as('session.store')
    router
      .get('login/two-factor', [controllers.TwoFactorChallenge, 'create'])
      .as('session.two_factor.create')
    router
      .post('login/two-factor', [controllers.TwoFactorChallenge, 'store'])
      .as('session.two_factor.store')
    router
      .post('login/passkey/options', [controllers.PasskeyLoginOptions, 'store'])
      .as('session.passkey_options')
    router.post('login/passkey', [controllers.PasskeyLogin, 'store']).as('session.passkey')
    router.get('forgot-password', [controllers.PasswordReset, 'create']).as('password.forgot')
    router.post('forgot-password', [controllers.PasswordReset, 'store']).as('password.email')
    router.get('reset-password/:token', [controllers.PasswordReset, 'edit']).as('password.reset')
    router
      .post('reset-password/:token', [controllers.PasswordReset, 'update'])
      .as('password.update')
  })
  .use(middleware.guest())

/*
| Accounts: email verification (the link works with or without a login)
*/
router
  .get('email/verify/:id/:hash', [controllers.EmailVerification, 'verify'])
  .as('verification.verify')

/*
| Project invitations: the mailed link shows to anyone holding it; accepting needs a login.
*/
router.get('invitations/:token', [controllers.Invitations, 'show']).as('invitations.show')
router
  .post('invitations/:token', [controllers.Invitations, 'accept'])
  .as('invitations.accept')
  .use(middleware.auth())

router
  .group(() => {
    router.post('logout', [controllers.Session, 'destroy']).as('session.destroy')
    router.get('email/verify', [controllers.EmailVerification, 'notice']).as('verification.notice')
    router
      .post('email/verification-notification', [controllers.EmailVerification, 'send'])
      .as('verification.send')
  })
  .use(middleware.auth())

/*
| Accounts: settings. The profile stays reachable unverified (to fix a
| mistyped address); the rest follows the verification rule.
*/
router
  .group(() => {
    router.get('profile', [controllers.settings.Profile, 'edit']).as('profile.edit')
    router.put('profile', [controllers.settings.Profile, 'update']).as('profile.update')
  })
  .prefix('settings')
  .as('settings')
  .use(middleware.auth())

router
  .group(() => {
    router.get('password', [controllers.settings.Password, 'edit']).as('password.edit')
    router.put('password', [controllers.settings.Password, 'update']).as('password.update')
    router.get('appearance', [controllers.settings.Appearance, 'edit']).as('appearance.edit')
    router.get('sessions', [controllers.settings.Sessions, 'index']).as('sessions.index')
    router
      .delete('sessions', [controllers.settings.Sessions, 'destroyOthers'])
      .as('sessions.destroy_others')
    router.get('tokens', [controllers.settings.Tokens, 'index']).as('tokens.index')
    router.post('tokens', [controllers.settings.Tokens, 'store']).as('tokens.store')
    router.put('tokens/:id', [controllers.settings.Tokens, 'update']).as('tokens.update')
    router.delete('tokens/:id', [controllers.settings.Tokens, 'destroy']).as('tokens.destroy')
    router.get('two-factor', [controllers.settings.TwoFactor, 'edit']).as('two_factor.edit')
    router.post('two-factor', [controllers.settings.TwoFactor, 'store']).as('two_factor.store')
    router.put('two-factor', [controllers.settings.TwoFactor, 'update']).as('two_factor.update')
    router
      .delete('two-factor', [controllers.settings.TwoFactor, 'destroy'])
      .as('two_factor.destroy')
    router
      .post('two-factor/recovery-codes', [controllers.settings.RecoveryCodes, 'store'])
      .as('recovery_codes.store')
    router.get('passkeys', [controllers.settings.Passkeys, 'index']).as('passkeys.index')
    router
      .post('passkeys/options', [controllers.settings.PasskeyOptions, 'store'])
      .as('passkeys.options')
    router.post('passkeys', [controllers.settings.Passkeys, 'store']).as('passkeys.store')
    router.delete('passkeys/:id', [controllers.settings.Passkeys, 'destroy']).as('passkeys.destroy')
    router.get('account', [controllers.settings.Account, 'edit']).as('account.edit')
    router.delete('account', [controllers.settings.Account, 'destroy']).as('account.destroy')
  })
  .prefix('settings')
  .as('settings')
  .use([middleware.auth(), middleware.verified()])

router.get('settings', ({ response }) => response.redirect().toRoute('settings.profile.edit'))

/*
| Reference app: the projects of the user, and starting one.
*/
router
  .group(() => {
    router.get('dashboard', [controllers.Dashboard, 'show']).as('dashboard')
    router.get('projects', [controllers.Projects, 'index']).as('projects.index')
    router.get('projects/new', [controllers.Projects, 'create']).as('projects.create')
    router.post('projects', [controllers.Projects, 'store']).as('projects.store')
  })
  .use([middleware.auth(), middleware.verified()])

/*
| Reference app: one project, its members, tasks, board and labels. The project access middleware
| loads the project and the viewer's role once (`ctx.projectAccess`): a project the user is not a
| member of answers 404 on every URL. Each action then checks its own permission.
*/
router
  .group(() => {
    router.get('/', [controllers.Projects, 'show']).as('show')
    router.get('settings', [controllers.Projects, 'edit']).as('edit')
    router.put('/', [controllers.Projects, 'update']).as('update')
    router.post('archive', [controllers.Projects, 'toggleArchive']).as('toggle_archive')
    router.delete('/', [controllers.Projects, 'destroy']).as('destroy')

    router.get('members', [controllers.projects.Members, 'index']).as('members.index')
    router.post('members', [controllers.projects.Members, 'store']).as('members.store')
    router.put('members/:id', [controllers.projects.Members, 'update']).as('members.update')
    router.delete('members/:id', [controllers.projects.Members, 'destroy']).as('members.destroy')

    router
      .delete('invitations/:id', [controllers.projects.Invitations, 'destroy'])
      .as('invitations.destroy')

    router.get('tasks', [controllers.projects.Tasks, 'index']).as('tasks.index')
    router.post('tasks', [controllers.projects.Tasks, 'store']).as('tasks.store')
    router.get('tasks/:id', [controllers.projects.Tasks, 'show']).as('tasks.show')
    router.put('tasks/:id', [controllers.projects.Tasks, 'update']).as('tasks.update')
    router.get('board', [controllers.projects.Board, 'show']).as('board.show')
    router.patch('board/tasks/:id', [controllers.projects.Board, 'update']).as('board.update')
    router
      .post('tasks/:taskId/comments', [controllers.projects.Comments, 'store'])
      .as('comments.store')
    router
      .put('tasks/:taskId/comments/:id', [controllers.projects.Comments, 'update'])
      .as('comments.update')
    router
      .delete('tasks/:taskId/comments/:id', [controllers.projects.Comments, 'destroy'])
      .as('comments.destroy')

    router.get('labels', [controllers.projects.Labels, 'index']).as('labels.index')
    router.post('labels', [controllers.projects.Labels, 'store']).as('labels.store')
    router.put('labels/:id', [controllers.projects.Labels, 'update']).as('labels.update')
    router.delete('labels/:id', [controllers.projects.Labels, 'destroy']).as('labels.destroy')
  })
  .prefix('projects/:projectId')
  .as('projects')
  .use([middleware.auth(), middleware.verified(), middleware.projectAccess()])

/*
| Live pages: a page's stream of changes (server-sent events). It checks the login and each
| channel itself, so that a lost session answers 401 instead of a redirect to the login page.
*/
router.get('live', [controllers.Live, 'show']).as('live')

/*
| Development only: UI primitives and the mailbox. Not registered in production.
*/
if (!app.inProduction) {
  router.on('/dev/ui').renderInertia('dev/ui', {}).as('dev.ui')
  router.get('/dev/mailbox', [controllers.DevMailbox, 'index']).as('dev.mailbox')
}

/*
| Admin site (app/admin, registrations in start/admin.ts): active staff only;
| every route checks the model permission it needs. The admin's own sections
| (exports, jobs) come before the models' routes, which would take their names
| for a model's slug.
*/
router
  .group(() => {
    router.get('/', [controllers.admin.Dashboard, 'show']).as('index')
    router.get('exports', [controllers.admin.Exports, 'index']).as('exports.index')
    router
      .get('exports/:export', [controllers.admin.ExportDownloads, 'show'])
      .as('export_downloads.show')
    router.get('jobs', [controllers.admin.Jobs, 'index']).as('jobs.index')
    router.post('jobs/actions', [controllers.admin.JobActions, 'store']).as('jobs.actions')
    router.get('jobs/:job', [controllers.admin.Jobs, 'show']).as('jobs.show')
    router.delete('jobs/:job', [controllers.admin.Jobs, 'destroy']).as('jobs.destroy')
    router.post('jobs/:job/retry', [controllers.admin.JobRetries, 'store']).as('jobs.retry')
    router.get(':model', [controllers.admin.Records, 'index']).as('records.index')
    router.get(':model/add', [controllers.admin.Records, 'create']).as('records.create')
    router.post(':model', [controllers.admin.Records, 'store']).as('records.store')
    router.get(':model/export.csv', [controllers.admin.Exports, 'show']).as('exports.show')
    router.get(':model/lookup/:field', [controllers.admin.Lookups, 'index']).as('lookups.index')
    router.post(':model/actions', [controllers.admin.Actions, 'store']).as('actions.store')
    router.get(':model/delete', [controllers.admin.Deletions, 'create']).as('deletions.create')
    router.delete(':model', [controllers.admin.Deletions, 'destroy']).as('deletions.destroy')
    router.get(':model/:id', [controllers.admin.Records, 'edit']).as('records.edit')
    router.put(':model/:id', [controllers.admin.Records, 'update']).as('records.update')
    router.get(':model/:id/history', [controllers.admin.History, 'show']).as('history.show')
  })
  .prefix('admin')
  .as('admin')
  .use([middleware.auth(), middleware.admin()])

/*
| API documentation, open to anyone: the OpenAPI document of /api/v1 (generated from the routes and
| their descriptions, app/api/openapi) and the interactive docs with their self-hosted assets.
*/
router.get('api/v1/openapi.json', [controllers.api.Openapi, 'show']).as('api.openapi')
router.get('api/docs', [controllers.ApiDocs, 'show']).as('api_docs.show')
router.get('api/docs/assets/:file', [controllers.ApiDocsAssets, 'show']).as('api_docs.assets')

/*
| JSON API (/api/v1): the same services, policy and validators as the pages, answered as JSON.
| Each route's operation (app/api/resources) names the token ability it needs; the API middleware
| authenticates (bearer token or the pages' session), checks that ability and rate-limits.
*/
router
  .group(() => {
    // The token login: an app trades an email and password for a personal access token (no
    // session, no CSRF token: see config/shield.ts), counted with the login form's attempts.
    router.post('tokens', [controllers.api.Tokens, 'store']).as('tokens.store')

    router.get('me', [controllers.api.Me, 'show']).as('me.show')
    router.get('projects', [controllers.api.Projects, 'index']).as('projects.index')
    router.post('projects', [controllers.api.Projects, 'store']).as('projects.store')

    router
      .group(() => {
        router.get('/', [controllers.api.Projects, 'show']).as('projects.show')
        router.patch('/', [controllers.api.Projects, 'update']).as('projects.update')
        router.delete('/', [controllers.api.Projects, 'destroy']).as('projects.destroy')

        router.get('members', [controllers.api.Members, 'index']).as('members.index')
        router.post('members', [controllers.api.Members, 'store']).as('members.store')
        router.get('members/:id', [controllers.api.Members, 'show']).as('members.show')
        router.patch('members/:id', [controllers.api.Members, 'update']).as('members.update')
        router.delete('members/:id', [controllers.api.Members, 'destroy']).as('members.destroy')

        router.get('labels', [controllers.api.Labels, 'index']).as('labels.index')
        router.post('labels', [controllers.api.Labels, 'store']).as('labels.store')
        router.get('labels/:id', [controllers.api.Labels, 'show']).as('labels.show')
        router.patch('labels/:id', [controllers.api.Labels, 'update']).as('labels.update')
        router.delete('labels/:id', [controllers.api.Labels, 'destroy']).as('labels.destroy')

        router.get('activity', [controllers.api.Activity, 'index']).as('activity.index')

        router.get('tasks', [controllers.api.Tasks, 'index']).as('tasks.index')
        router.post('tasks', [controllers.api.Tasks, 'store']).as('tasks.store')
        router.get('tasks/:id', [controllers.api.Tasks, 'show']).as('tasks.show')
        router.patch('tasks/:id', [controllers.api.Tasks, 'update']).as('tasks.update')

        router
          .group(() => {
            router.get('/', [controllers.api.Comments, 'index']).as('comments.index')
            router.post('/', [controllers.api.Comments, 'store']).as('comments.store')
            router.get(':id', [controllers.api.Comments, 'show']).as('comments.show')
            router.patch(':id', [controllers.api.Comments, 'update']).as('comments.update')
            router.delete(':id', [controllers.api.Comments, 'destroy']).as('comments.destroy')
          })
          .prefix('tasks/:taskId/comments')
      })
      .prefix('projects/:projectId')
      .use(middleware.projectAccess())
  })
  .prefix('api/v1')
  .as('api')
  .use(middleware.api())

/** Any other /api URL: 405 with Allow when the path exists for other methods, else 404. */
router.any('api/*', [controllers.api.Fallback, 'handle']).as('api.fallback')

/*
| Catch-all, registered last: every other GET is answered with the 404 page, inside the layout of
| whoever is logged in (the session and auth middleware run for it, unlike for an unmatched URL).
| A visitor without a session leaves without one: see app/middleware/session_middleware.ts.
*/
router.get('*', [controllers.NotFound, 'show']).as('not_found')
