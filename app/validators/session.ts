import vine from '@vinejs/vine'

/** Login form: the email is normalized so "Ada@Example.com " finds ada@example.com. */
export const createSessionValidator = vine.create({
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  password: vine.string().minLength(1).maxLength(200),
})
