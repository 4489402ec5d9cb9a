import User from '#models/user'
import type { HttpContext } from '@adonisjs/core/http'
import { createSessionValidator } from '#validators/session'

/** Logging in and out with email and password. */
export default class SessionController {
  /** The login form. */
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {})
  }

  /** Checks the credentials, starts a fresh session and goes home. */
  async store({ request, auth, response, session }: HttpContext) {
    const { email, password } = await request.validateUsing(createSessionValidator)
    const user = await User.verifyCredentials(email, password)

    await auth.use('web').login(user)
    session.flash('success', `Welcome back, ${user.fullName}.`)
    return response.redirect().toRoute('home')
  }

  /** Ends the session. */
  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').logout()
    session.flash('success', 'You are logged out.')
    return response.redirect().toRoute('session.create')
  }
}
