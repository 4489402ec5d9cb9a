import { formatDay } from '~/lib/dates'
import { priorityName, statusName } from '#shared/tasks'

/** Every editable field of a task, as its forms hold them. */
export type TaskValues = {
  title: string
  description: string
  status: string
  priority: number
  assigneeId: number | null
  dueOn: string | null
  labelIds: number[]
}

/** The names people read for a task's fields. */
export const TASK_FIELD_NAMES: Record<keyof TaskValues, string> = {
  title: 'Title',
  description: 'Description',
  status: 'Status',
  priority: 'Priority',
  assigneeId: 'Assignee',
  dueOn: 'Due on',
  labelIds: 'Labels',
}

/** The form field each column of the activity record holds. */
const FIELDS_OF_COLUMNS: Record<string, keyof TaskValues> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  assignee_id: 'assigneeId',
  due_on: 'dueOn',
  labels: 'labelIds',
}

/** The task field a column of the activity record holds, if it is one people edit. */
export function fieldOfColumn(column: string): keyof TaskValues | undefined {
  return FIELDS_OF_COLUMNS[column]
}

/** What names the ids a task's values hold: the project's members and labels. */
export type TaskChoices = {
  members: { id: number; fullName: string }[]
  labels: { id: number; name: string }[]
}

/**
 * A value of a task's field in words: "In progress", "High", a member's name, "15 Jan 2026", label
 * names; "—" when empty. An id that no longer names anything reads as "#id".
 */
export function describeTaskValue(
  field: keyof TaskValues,
  value: unknown,
  { members, labels }: TaskChoices
): string {
  if (value === null || value === undefined || value === '') {
    return field === 'assigneeId' ? 'Nobody' : '—'
  }
  if (field === 'assigneeId') return members.find((m) => m.id === value)?.fullName ?? `#${value}`
  if (field === 'status') return statusName(String(value))
  if (field === 'priority') return priorityName(Number(value))
  if (field === 'dueOn') return formatDay(String(value).slice(0, 10))
  if (field === 'labelIds' && Array.isArray(value)) {
    const names = value.map((id) => labels.find((label) => label.id === id)?.name ?? `#${id}`)
    return names.join(', ') || 'None'
  }
  return String(value)
}
