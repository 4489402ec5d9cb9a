/** The roles a project member can have, from most to least rights. */
export const PROJECT_ROLES = ['owner', 'editor', 'viewer'] as const

/** One of {@link PROJECT_ROLES}. */
export type ProjectRole = (typeof PROJECT_ROLES)[number]
