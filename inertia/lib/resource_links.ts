/** A link to a resource made with `node ace make:resource`, as the navigation shows it. */
export type ResourceLink<Args extends unknown[]> = {
  /** The page's `section` that marks the link as current: the resource's URL segment. */
  key: string
  label: string
  href: (...args: Args) => string
}

/**
 * A project's tabs after Labels: the resources that belong to projects. `node ace make:resource`
 * adds one here; a renamed route breaks the build.
 */
export const projectResourceLinks: ResourceLink<[projectId: number]>[] = []

/** The main menu after Projects: the resources each user keeps (`make:resource` adds them). */
export const userResourceLinks: ResourceLink<[]>[] = []
