import { errors } from '@vinejs/vine'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { NUL_MESSAGE, fieldsWithNul } from '#validators/rules/nul_characters'

/**
 * Refuses a request whose query string or body holds a NUL character anywhere, before any
 * handler reads it: the answer is a validation error on each such field (the form shows the
 * message, a JSON client gets 422) and nothing is queried or written. Every validator, and code
 * that reads input without one, gets the check for free.
 */
export default class NulCharactersMiddleware {
  handle({ request }: HttpContext, next: NextFn) {
    const fields = [...new Set([...fieldsWithNul(request.qs()), ...fieldsWithNul(request.body())])]
    if (fields.length > 0) {
      throw new errors.E_VALIDATION_ERROR(
        fields.map((field) => ({
          field,
          message: NUL_MESSAGE.replace('{{ field }}', field),
          rule: 'nulCharacter',
        }))
      )
    }
    return next()
  }
}
