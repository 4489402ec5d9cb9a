/*
| What live pages and the server say to each other: the names of the channels a page listens on,
| and the messages that arrive there. Messages say what changed (kind, id, action, field names,
| version), never the data itself: a page that cares reloads its props, through the same policy
| that guards the page.
*/

/** Where the browser opens its stream of changes. */
export const LIVE_PATH = '/live'

/** At most this many channels on one stream (the dashboard listens to one per project). */
export const MAX_LIVE_CHANNELS = 50

/**
 * The header in which a browser tab sends its own random id with each visit, so the change it
 * makes can be told apart from others' when it comes back over the tab's stream.
 */
export const TAB_HEADER = 'X-Atrium-Tab'

/**
 * The header that marks a page's reload after a live change: such a reload neither shows nor uses
 * up the flash messages, which belong to the page a save of the person's own redirects to.
 */
export const LIVE_RELOAD_HEADER = 'X-Atrium-Live'

/** What a tab's id looks like (URL-safe base64, 16 to 64 characters); any other is ignored. */
export const TAB_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/

/** The channel of every change in a project. */
export function projectChannel(projectId: number): string {
  return `projects/${projectId}`
}

/** The channel of changes to one task and its comments. */
export function taskChannel(projectId: number, taskId: number): string {
  return `projects/${projectId}/tasks/${taskId}`
}

/** The channel of changes to one user's memberships (the dashboard's list of projects). */
export function userChannel(userId: number): string {
  return `users/${userId}`
}

/** A record was created, changed or deleted by someone. */
export type LiveChange = {
  type: 'change'
  /** The record's kind, as in the activity record: "task", "comment", "label", "project_member". */
  subject: string
  id: string
  action: 'created' | 'updated' | 'deleted'
  /** The columns that changed (updates only), never their values. */
  fields: string[]
  /** Who made the change (null: a command or a seeder). */
  actorId: number | null
  /** The task a change is about, or belongs to (a comment's task). */
  taskId: number | null
  /** The record's version after the change, for records that keep one (tasks). */
  version: number | null
  /**
   * The SHA-256 (hex) of the id of the browser tab that made the change, or null. That tab skips
   * the reload its own response already did; others cannot learn the id from it.
   */
  tab: string | null
}

/** Someone who has the page open. */
export type LiveViewer = { id: number; name: string; initials: string }

/** Who has a page open now; sent whenever someone comes or goes. */
export type LivePresence = {
  type: 'presence'
  channel: string
  /** Up to {@link MAX_LISTED_VIEWERS} viewers, each once whatever their number of tabs. */
  viewers: LiveViewer[]
  /** How many different people in all. */
  total: number
}

/** At most this many viewers are named in a presence message. */
export const MAX_LISTED_VIEWERS = 12

/** The server ended the stream: the session ended or access was withdrawn. */
export type LiveEnded = { type: 'ended' }

/**
 * Something changed between the moment the page's props were read and the moment its stream
 * opened: the page reloads them once.
 */
export type LiveStale = { type: 'stale' }

/** Anything a live stream carries. */
export type LiveMessage = LiveChange | LivePresence | LiveEnded | LiveStale
