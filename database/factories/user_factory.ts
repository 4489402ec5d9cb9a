import User from '#models/user'
import factory from '@adonisjs/lucid/factories'

/** Users for tests and seeds. Default password "password-123"; states for the account flags. */
export const UserFactory = factory
  .define(User, ({ faker }) => ({
    fullName: faker.person.fullName(),
    email: faker.internet.email().toLowerCase(),
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
