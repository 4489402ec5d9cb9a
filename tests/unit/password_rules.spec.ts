import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { newPasswordRule } from '#validators/rules/password'

const validator = vine.create({
  fullName: vine.string(),
  email: vine.string(),
  password: newPasswordRule(),
})

async function errorsFor(
  password: string,
  person = { fullName: 'Ada Lovelace', email: 'ada@example.com' }
) {
  const [error] = await validator.tryValidate({
    ...person,
    password,
    passwordConfirmation: password,
  })
  return error ? error.messages.map((m: { message: string }) => m.message) : []
}

test.group('Password rules', () => {
  test('accepts a long, personal-free password', async ({ assert }) => {
    assert.deepEqual(await errorsFor('correct horse battery staple'), [])
  })

  test('refuses short, common, numeric and personal passwords', async ({ assert }) => {
    assert.deepEqual(await errorsFor('abc123'), [
      'The password field must have at least 10 characters',
    ])
    assert.deepEqual(await errorsFor('Password123'), ['This password is too common'])
    assert.deepEqual(await errorsFor('0123456789012'), ['The password cannot be only digits'])
    assert.deepEqual(await errorsFor('i-am-lovelace-99'), [
      'The password is too similar to your name or email',
    ])
    assert.deepEqual(
      await errorsFor('ada@example-pass', { fullName: 'Bob Stone', email: 'example@x.io' }),
      ['The password is too similar to your name or email']
    )
  })

  test('refuses a confirmation that differs', async ({ assert }) => {
    const [error] = await validator.tryValidate({
      fullName: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'correct horse battery staple',
      passwordConfirmation: 'correct horse battery stapler',
    })
    assert.deepEqual(
      error?.messages.map((m: { field: string }) => m.field),
      ['passwordConfirmation']
    )
  })
})
