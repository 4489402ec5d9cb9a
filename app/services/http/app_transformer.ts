import app from '@adonisjs/core/services/app'
import { BaseTransformer } from '@adonisjs/core/transformers'

/**
 * Whether `transform` and `paginate` capture a stack for the error they would report about an
 * undefined resource: on in development and tests, off in production.
 */
export const transformerStacks = { enabled: !app.inProduction }

/** Runs `build` with stack capture off when transformer stacks are disabled. */
function maybeWithoutStacks<Result>(build: () => Result): Result {
  if (transformerStacks.enabled) return build()
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return build()
  } finally {
    Error.stackTraceLimit = limit
  }
}

const { transform, paginate } = BaseTransformer

/**
 * The base of Atrium's transformers: the framework's BaseTransformer, whose `transform` and
 * `paginate` build an exception on every call (its stack captured, ~10× the cost of the call) in
 * case the resource turns out to be undefined when it is serialized. In production they build it
 * without a stack: such an error still says what went wrong, without the caller's frames.
 */
export abstract class AppTransformer<Resource> extends BaseTransformer<Resource> {
  static transform = function (this: unknown, ...args: unknown[]) {
    return maybeWithoutStacks(() => Reflect.apply(transform, this, args))
  } as typeof BaseTransformer.transform

  static paginate = function (this: unknown, ...args: unknown[]) {
    return maybeWithoutStacks(() => Reflect.apply(paginate, this, args))
  } as typeof BaseTransformer.paginate
}
