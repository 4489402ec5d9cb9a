import logger from '@adonisjs/core/services/logger'
import { sha256 } from '#services/accounts/hashing'
import { type LiveChange, projectChannel, taskChannel, userChannel } from '#shared/live'

/** What the activity recorder tells of a committed change (an entry of the activity record). */
export type AnnouncedEntry = {
  subjectType: string
  subjectId: string | number
  projectId: number | null
  action: 'created' | 'updated' | 'deleted'
  changes: Record<string, unknown>
  taskId?: number | null
  version?: number | null
}

/** The channels that hear of an entry: its project's, its task's, a member's own. */
export function channelsOf(entry: AnnouncedEntry): string[] {
  const projectId = entry.projectId!
  const channels = [projectChannel(projectId)]
  const taskId = taskIdOf(entry)
  if (taskId !== null) channels.push(taskChannel(projectId, taskId))
  if (entry.subjectType === 'project_member') {
    channels.push(userChannel(Number(String(entry.subjectId).split(':')[1])))
  }
  return channels
}

function taskIdOf(entry: AnnouncedEntry): number | null {
  if (entry.subjectType === 'task') return Number(entry.subjectId)
  return entry.taskId ?? null
}

/**
 * What live pages are told of an entry: which record, what happened, by whom, from which tab
 * (hashed), never the values.
 */
export function liveChangeOf(
  entry: AnnouncedEntry,
  actorId: number | null,
  tab: string | null
): LiveChange {
  return {
    type: 'change',
    subject: entry.subjectType,
    id: String(entry.subjectId),
    action: entry.action,
    fields: entry.action === 'updated' ? Object.keys(entry.changes) : [],
    actorId,
    taskId: taskIdOf(entry),
    version: entry.version ?? null,
    tab: tab === null ? null : sha256(tab),
  }
}

/**
 * Tells the live pages of a committed change (the activity recorder calls it after commit). With
 * Redis configured, the message also reaches browsers connected to other processes. A failure is
 * logged and never undoes or delays the write: pages catch up on their next reload.
 */
export async function announceChange(
  entry: AnnouncedEntry,
  actorId: number | null,
  tab: string | null
) {
  try {
    const { default: transmit } = await import('@adonisjs/transmit/services/main')
    const change = liveChangeOf(entry, actorId, tab)
    for (const channel of channelsOf(entry)) transmit.broadcast(channel, change)
  } catch (error) {
    logger.warn({ err: error }, 'a change could not be announced to live pages')
  }
}
