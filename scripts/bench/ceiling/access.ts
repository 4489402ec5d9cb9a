import type { Row } from './database.ts'
import type { CeilingContext } from './context.ts'
import { header, type CeilingRequest } from './http.ts'
import { PROJECT_ACCESS, SESSION_USER } from './statements.ts'
import { type CeilingSession, SESSION_COOKIE, parseCookies, sha256 } from './session_cookie.ts'

/** A logged-in visitor: the verified session and the user's row. */
export type Visit = { session: CeilingSession; user: Row }

/** A project and the visitor's role in it (null: not a member). */
export type ProjectAccess = { project: Row; role: string | null }

/**
 * The visitor of a request: the session cookie's signature is verified, then the user is read
 * with the session's row in one statement, so a session ended elsewhere is refused at once.
 */
export async function authenticate(
  context: CeilingContext,
  request: CeilingRequest
): Promise<Visit | null> {
  const cookie = parseCookies(header(request, 'cookie')).get(SESSION_COOKIE)
  const session = context.signer.verify(cookie)
  if (!session) return null
  const [user] = await context.db.all(SESSION_USER, [session.userId, sha256(session.key)])
  return user ? { session, user } : null
}

/**
 * The project of a URL with the visitor's role, or null when it does not exist or the visitor
 * is not a member (superusers see all), as Atrium answers 404 for both.
 */
export async function projectAccess(
  context: CeilingContext,
  visit: Visit,
  projectId: number
): Promise<ProjectAccess | null> {
  if (!Number.isSafeInteger(projectId) || projectId <= 0 || projectId > 2147483647) return null
  const [project] = await context.db.all(PROJECT_ACCESS, [Number(visit.user.id), projectId])
  const role = (project?.viewer_role ?? null) as string | null
  if (!project || (role === null && !superuser(visit.user))) return null
  return { project, role }
}

function superuser(user: Row): boolean {
  return Boolean(user.is_active) && Boolean(user.is_superuser)
}

/** Whether the visitor may create and change tasks in the project (ProjectPolicy.editContent). */
export function editsContent(visit: Visit, access: ProjectAccess): boolean {
  if (superuser(visit.user)) return true
  return (
    (access.role === 'owner' || access.role === 'editor') && access.project.archived_at === null
  )
}

/** The project as Atrium's pages show it. */
export function projectProps(access: ProjectAccess) {
  return {
    id: Number(access.project.id),
    name: access.project.name,
    description: access.project.description,
    archived: access.project.archived_at !== null,
    role: access.role,
    taskCounts: { todo: 0, in_progress: 0, done: 0 },
  }
}
