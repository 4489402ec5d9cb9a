import vine from '@vinejs/vine'

/**
 * The `expand` parameter of an API list or read: the related objects to inline, each one of
 * `names`, comma-separated (`expand=assignee,labels`, which the query string parser hands over as
 * a list) or repeated. Anything else is refused.
 */
export function expandParam<Name extends string>(names: readonly Name[]) {
  return vine
    .unionOfTypes([
      vine.string().in([...names]),
      vine
        .array(vine.string().in([...names]))
        .distinct()
        .maxLength(names.length),
    ])
    .optional()
}

/** The names an `expand` value holds. */
export function expansionsOf(value: string | string[] | undefined): Set<string> {
  if (value === undefined) return new Set()
  return new Set(Array.isArray(value) ? value : [value])
}
