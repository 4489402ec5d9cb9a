import type User from '#models/user'
import type { HttpContext } from '@adonisjs/core/http'
import ProjectPolicy from '#policies/project_policy'
import {
  findProjectTask,
  loadProjectAccess,
  ProjectNotFoundException,
} from '#services/projects/project_access'
import { projectChannel, taskChannel, userChannel } from '#shared/live'

/** A channel a page asked to watch, by what it is about. */
export type WatchedChannel = {
  name: string
  /** The project it is about (a project's or a task's channel), else null. */
  projectId: number | null
  taskId: number | null
  /** The user it is about (a user's own channel), else null. */
  userId: number | null
}

const ID = '([1-9][0-9]{0,15})'
const PATTERNS: [RegExp, (ids: number[]) => Omit<WatchedChannel, 'name'>][] = [
  [new RegExp(`^projects/${ID}$`), ([p]) => ({ projectId: p, taskId: null, userId: null })],
  [
    new RegExp(`^projects/${ID}/tasks/${ID}$`),
    ([p, t]) => ({ projectId: p, taskId: t, userId: null }),
  ],
  [new RegExp(`^users/${ID}$`), ([u]) => ({ projectId: null, taskId: null, userId: u })],
]

/** Reads a channel name; anything that is not one of the channels above is null. */
export function parseChannel(name: string): WatchedChannel | null {
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(name)
    if (!match) continue
    const ids = match.slice(1).map(Number)
    if (!ids.every(Number.isSafeInteger)) return null
    const channel = { name, ...build(ids) }
    // The name is rebuilt from the ids, so "projects/007" and "projects/7" can't both exist.
    return canonicalName(channel) === name ? channel : null
  }
  return null
}

function canonicalName(channel: Omit<WatchedChannel, 'name'>): string {
  if (channel.userId !== null) return userChannel(channel.userId)
  if (channel.taskId !== null) return taskChannel(channel.projectId!, channel.taskId)
  return projectChannel(channel.projectId!)
}

/**
 * Whether `user` may watch `channel`: a project's and a task's channel by the same rule as the
 * project's pages (`ProjectPolicy.view`, and the task must be the project's), a user's channel
 * by that user only.
 */
export async function mayWatch(
  bouncer: HttpContext['bouncer'],
  user: User,
  channel: WatchedChannel
): Promise<boolean> {
  if (channel.userId !== null) return channel.userId === user.id
  try {
    const access = await loadProjectAccess(user, channel.projectId)
    if (!(await bouncer.with(ProjectPolicy).allows('view', access))) return false
    if (channel.taskId !== null) await findProjectTask(access, channel.taskId)
    return true
  } catch (error) {
    if (error instanceof ProjectNotFoundException) return false
    throw error
  }
}
