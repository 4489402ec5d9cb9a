import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

/** A path whose last segment has an extension, like /favicon.svg or /robots.txt. */
const FILE_LIKE = /\/[^/]*\.[^/]+$/

/**
 * Serves the files of public/ (favicon, robots.txt) through the static file server, but only for
 * paths that look like files: the app's own URLs never touch the file system. (The static server
 * alone looks every request up on disk first.)
 */
@inject()
export default class PublicFilesMiddleware {
  constructor(protected files: StaticMiddleware) {}

  async handle(ctx: HttpContext, next: NextFn) {
    if (!FILE_LIKE.test(ctx.request.url())) return next()
    return this.files.handle(ctx, next)
  }
}
