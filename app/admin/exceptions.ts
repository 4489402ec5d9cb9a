import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import type { AdminCheckProblem } from '#admin/check_codes'

/** A registration that cannot work: thrown at boot, naming the model and the option. */
export class AdminConfigurationException extends Exception {
  static status = 500

  constructor(code: string, message: string) {
    super(message, { code, status: 500 })
  }
}

/**
 * What the boot checks found in the registrations, all at once: one line per problem with its
 * code (`admin.E101`), the admin, the option and the offending value, then a hint to fix it.
 * `problems` holds the same as data, for tests and tools.
 */
export class AdminChecksException extends AdminConfigurationException {
  constructor(readonly problems: AdminCheckProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    const lines = problems.map(
      (problem) => `- ${problem.code} ${problem.message}\n  Hint: ${problem.hint}.`
    )
    super('E_ADMIN_CHECKS', [`The admin registrations have ${count}:`, ...lines].join('\n'))
  }
}

/** A slug in an admin URL that names no registered model: answers 404. */
export class UnknownAdminModelException extends Exception {
  static status = 404
  static code = 'E_ADMIN_UNKNOWN_MODEL'
}

/**
 * A change list URL naming a sort, filter or value the admin does not offer. Nothing is queried:
 * the user goes back to the plain list with a message saying what was refused.
 */
export class InvalidChangeListQueryException extends Exception {
  static status = 400
  static code = 'E_ADMIN_INVALID_QUERY'

  constructor(
    message: string,
    readonly listUrl: string
  ) {
    super(message)
  }

  async handle(error: this, ctx: HttpContext) {
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response
        .status(400)
        .send({ errors: [{ message: error.message, code: error.code }] })
    }
    ctx.session.flash('error', error.message)
    return ctx.response.redirect(error.listUrl)
  }
}

/**
 * A retry or discard of jobs that cannot run as asked (no job selected, a job that is not there
 * or not in a state the action applies to): nothing is changed, and the user goes back with a
 * message saying why.
 */
export class JobActionRefusedException extends Exception {
  static status = 422
  static code = 'E_ADMIN_JOB_ACTION_REFUSED'

  async handle(error: this, ctx: HttpContext) {
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response
        .status(422)
        .send({ errors: [{ message: error.message, code: error.code }] })
    }
    ctx.session.flash('error', error.message)
    return ctx.response.redirect().withQs().back()
  }
}
