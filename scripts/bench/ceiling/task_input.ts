/** A new task's fields, validated as Atrium's createTaskValidator does. */
export type TaskInput = {
  title: string
  description: string
  status: string
  priority: number
  assigneeId: number | null
  dueOn: string | null
  labelIds: number[]
}

const STATUSES = new Set(['todo', 'in_progress', 'done'])
const MAX_ID = 2147483647
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value)
  }
  return null
}

function recordId(value: unknown): number | null {
  const id = numberOf(value)
  return id !== null && Number.isInteger(id) && id >= 1 && id <= MAX_ID ? id : null
}

function validDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return date.getMonth() === Number(match[2]) - 1 && date.getDate() === Number(match[3])
}

/**
 * The fields of a task form's body, or the first field that breaks a rule: a title of 1 to 200
 * characters, a description up to 10,000, a known status, a priority from 0 to 3, ids of rows,
 * up to 20 distinct labels, a YYYY-MM-DD due date; no NUL characters anywhere.
 */
export function validateTaskInput(
  body: Record<string, unknown>
): { input: TaskInput } | { field: string } {
  const title = typeof body.title === 'string' ? body.title.trim() : null
  if (title === null || title.length < 1 || title.length > 200 || title.includes('\0')) {
    return { field: 'title' }
  }
  const description = body.description === undefined ? '' : body.description
  if (typeof description !== 'string' || description.trim().length > 10_000) {
    return { field: 'description' }
  }
  if (description.includes('\0')) return { field: 'description' }
  if (typeof body.status !== 'string' || !STATUSES.has(body.status)) return { field: 'status' }
  const priority = numberOf(body.priority)
  if (priority === null || !Number.isInteger(priority) || priority < 0 || priority > 3) {
    return { field: 'priority' }
  }
  let assigneeId: number | null = null
  if (body.assigneeId !== undefined && body.assigneeId !== null) {
    assigneeId = recordId(body.assigneeId)
    if (assigneeId === null) return { field: 'assigneeId' }
  }
  let dueOn: string | null = null
  if (body.dueOn !== undefined && body.dueOn !== null) {
    if (typeof body.dueOn !== 'string' || !validDate(body.dueOn)) return { field: 'dueOn' }
    dueOn = body.dueOn
  }
  let labelIds: number[] = []
  if (body.labelIds !== undefined) {
    if (!Array.isArray(body.labelIds) || body.labelIds.length > 20) return { field: 'labelIds' }
    labelIds = body.labelIds.map(recordId).filter((id) => id !== null)
    if (labelIds.length !== body.labelIds.length || new Set(labelIds).size !== labelIds.length) {
      return { field: 'labelIds' }
    }
  }
  return {
    input: {
      title,
      description: description.trim(),
      status: body.status,
      priority,
      assigneeId,
      dueOn,
      labelIds,
    },
  }
}
