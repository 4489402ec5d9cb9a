import User from '#models/user'
import Project from '#models/project'
import * as abilities from '#abilities/main'
import { Bouncer } from '@adonisjs/bouncer'
import db from '@adonisjs/lucid/services/db'
import ProjectPolicy from '#policies/project_policy'
import type { ProjectRole } from '#shared/projects'
import { type LiveConnection, openConnections } from '#live/live_connections'
import { renewPresence } from '#live/live_presence'

/** How often each process checks its streams and renews their presence. */
export const SWEEP_EVERY_MS = 5_000

/** What the sweep loads once for all streams of the process. */
type Standing = {
  users: Map<number, User>
  liveSessions: Set<string>
  projects: Map<number, Project>
  roles: Map<string, ProjectRole>
}

async function loadStanding(connections: LiveConnection[]): Promise<Standing> {
  const userIds = [...new Set(connections.map((connection) => connection.userId))]
  const keyHashes = connections.flatMap((c) => (c.sessionKeyHash ? [c.sessionKeyHash] : []))
  const projectIds = [
    ...new Set(connections.flatMap((c) => c.channels.flatMap((ch) => ch.projectId ?? []))),
  ]
  const [users, sessions, projects, members] = await Promise.all([
    User.query().whereIn('id', userIds),
    keyHashes.length > 0
      ? db.from('user_sessions').whereIn('key_hash', keyHashes).select('key_hash')
      : [],
    projectIds.length > 0 ? Project.query().whereIn('id', projectIds) : [],
    projectIds.length > 0
      ? db
          .from('project_members')
          .whereIn('project_id', projectIds)
          .whereIn('user_id', userIds)
          .select('project_id', 'user_id', 'role')
      : [],
  ])
  return {
    users: new Map(users.map((user) => [user.id, user])),
    liveSessions: new Set(sessions.map((row: { key_hash: string }) => row.key_hash)),
    projects: new Map(projects.map((project) => [project.id, project])),
    roles: new Map(
      members.map((row: { project_id: number; user_id: number; role: ProjectRole }) => [
        `${row.project_id}:${row.user_id}`,
        row.role,
      ])
    ),
  }
}

/**
 * Whether a stream may go on: its user is still active, its session was not ended (logout,
 * "log out other sessions", a password reset) and has not expired, and every project it watches
 * still lets the user view it, by the same policy as the pages.
 */
async function mayGoOn(connection: LiveConnection, standing: Standing, now: number) {
  const user = standing.users.get(connection.userId)
  if (!user || !user.isActive) return false
  if (now >= connection.sessionExpiresAt) return false
  if (connection.sessionKeyHash && !standing.liveSessions.has(connection.sessionKeyHash)) {
    return false
  }
  const policy = new Bouncer(user, abilities, {}).with(ProjectPolicy)
  for (const channel of connection.channels) {
    if (channel.projectId === null) continue
    const project = standing.projects.get(channel.projectId)
    if (!project) return false
    const role = standing.roles.get(`${channel.projectId}:${user.id}`) ?? null
    if (!(await policy.allows('view', { project, role }))) return false
  }
  return true
}

/**
 * One round of the sweep: ends the streams that may not go on (their pages then find out why on
 * their own), and renews the presence of the others. A fixed number of queries whatever the
 * number of streams.
 */
export async function sweepConnections(now = Date.now()) {
  const connections = openConnections()
  if (connections.length === 0) return
  const standing = await loadStanding(connections)
  for (const connection of connections) {
    if (!(await mayGoOn(connection, standing, now))) connection.end()
  }
  await renewPresence(openConnections(), now)
}
