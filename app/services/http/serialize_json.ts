import { defineConfig } from '@adonisjs/core/http'

/**
 * The framework's default response serializer (safe-stable-stringify, a JavaScript-level walk of
 * the value): circular references become "[Circular]" and bigints strings.
 */
const { serializeJSON: frameworkSerializeJSON } = defineConfig({})

/**
 * Serializes JSON responses and Inertia page objects (config/app.ts `serializeJSON`): native
 * `JSON.stringify`, which gives the same text as the framework's serializer for plain data at a
 * fraction of its cost; a value it cannot serialize (a cycle, a bigint) goes to the framework's
 * serializer, so such responses come out as before.
 */
export function serializeJSON(payload: unknown): string | undefined {
  try {
    return JSON.stringify(payload)
  } catch {
    return frameworkSerializeJSON(payload)
  }
}
