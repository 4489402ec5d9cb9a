import { AuthorizationResponse, errors } from '@adonisjs/bouncer'

/**
 * Refuses the request unless `allowed`, as a failed policy does: a 403 page for a visit, back to
 * the form with a message for a form (the app's exception handler draws both).
 */
export function denyUnless(allowed: boolean): asserts allowed {
  if (!allowed) {
    throw new errors.E_AUTHORIZATION_FAILURE(
      AuthorizationResponse.deny('You are not allowed to do this.', 403)
    )
  }
}
