import User from '#models/user'
import factory from '@adonisjs/lucid/factories'

/** How many users this process has made: a number in each email keeps two from ever sharing one. */
let made = 0

/** A fake email made unique: faker draws from a small enough pool that a long run meets twins. */
function uniqueEmail(drawn: string): string {
  const [local, domain] = drawn.toLowerCase().split('@')
  made += 1
  return `${local}.${made}@${domain}`
}

/** Users for tests and seeds. Default password "password-123"; states for the account flags. */
export const UserFactory = factory
  .define(User, ({ faker }) => ({
    fullName: faker.person.fullName(),
    email: uniqueEmail(faker.internet.email()),
    password: 'password-123',
    isActive: true,
    isStaff: false,
    isSuperuser: false,
    emailVerifiedAt: null,
  }))
  .state('staff', (user) => (user.isStaff = true))
  .state('superuser', (user) => {
    user.isStaff = true
    user.isSuperuser = true
  })
  .state('inactive', (user) => (user.isActive = false))
  .build()
