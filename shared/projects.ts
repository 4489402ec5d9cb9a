/** The roles a project member can have, from most to least rights. */
export const PROJECT_ROLES = ['owner', 'editor', 'viewer'] as const

/** One of {@link PROJECT_ROLES}. */
export type ProjectRole = (typeof PROJECT_ROLES)[number]

/** The roles that may create and change a project's tasks, labels and comments. */
export const CONTENT_EDITOR_ROLES: readonly ProjectRole[] = ['owner', 'editor']

/** Whether `role` may create and change a project's content ({@link CONTENT_EDITOR_ROLES}). */
export function editsContent(role: ProjectRole | null): boolean {
  return role !== null && CONTENT_EDITOR_ROLES.includes(role)
}
