import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import Passkey from '#models/passkey'
import { hasSecondFactor } from '#services/accounts/second_factor'
import { createTwoFactorChallengeValidator } from '#validators/two_factor'
import { verifySecondStep } from '#services/two_factor/second_step'
import {
  completeLogin,
  countPendingLoginFailure,
  forgetPendingLogin,
  pendingLoginUser,
} from '#services/accounts/pending_login'

/** What a login without a waiting first step is told on the login form. */
const LOGIN_AGAIN = 'Your login timed out. Enter your email and password again.'

/** What a login that took too many wrong codes is told on the login form. */
const TOO_MANY_CODES = 'Too many wrong codes. Enter your email and password again.'

/** The login's second step: a code from the authenticator app, or a recovery code. */
export default class TwoFactorChallengeController {
  /**
   * The code form, for a login whose password passed less than 5 minutes ago and still holds;
   * it offers the user's passkeys too when they have any.
   */
  async create(ctx: HttpContext) {
    const waiting = await pendingLoginUser(ctx)
    if (!waiting) return backToLogin(ctx)
    const passkey = await Passkey.query().where('userId', waiting.user.id).select('id').first()
    return ctx.inertia.render('auth/two_factor', { hasPasskeys: passkey !== null })
  }

  /**
   * Checks the code (tries are counted per user and IP, and per user); a right one finishes the
   * login as the password step would have. A recovery code also logs out the user's other
   * sessions. The login waiting since the password step must still hold (same password, same
   * second factor, active account), and 5 wrong codes drop it: the password comes again.
   */
  async store(ctx: HttpContext) {
    const waiting = await pendingLoginUser(ctx)
    if (!waiting) return backToLogin(ctx)
    const { user, pending } = waiting

    const proof = await ctx.request.validateUsing(createTwoFactorChallengeValidator)
    if (!hasSecondFactor(user)) {
      await forgetPendingLogin(ctx)
      return backToLogin(ctx)
    }

    const passed = await verifySecondStep(user, proof, ctx.request.ip())
    if (!passed) {
      if (!(await countPendingLoginFailure(ctx, pending))) return backToLogin(ctx, TOO_MANY_CODES)
      const field = proof.code ? 'code' : 'recoveryCode'
      throw new errors.E_VALIDATION_ERROR([
        { field, message: 'The code is incorrect or was already used.', rule: 'second_factor' },
      ])
    }
    return completeLogin(ctx, user, {
      remember: pending.remember,
      next: pending.next,
      method: 'second_factor',
    })
  }
}

function backToLogin({ response, session }: HttpContext, message = LOGIN_AGAIN) {
  session.flash('error', message)
  return response.redirect().toRoute('session.create')
}
