import vine from '@vinejs/vine'
import { safeRedirectPath } from '#services/http/safe_redirect'

/** The email field of the account forms: trimmed and lower-cased so lookups always match. */
export const emailRule = () => vine.string().trim().toLowerCase().email().maxLength(254)

/** Login form: email, password, "remember me" and where to go afterwards. */
export const createSessionValidator = vine.create({
  email: emailRule(),
  password: vine.string().minLength(1).maxLength(200),
  remember: vine.boolean().optional(),
  next: vine
    .string()
    .optional()
    .transform((value) => safeRedirectPath(value)),
})
