import type { Data } from '@generated/data'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import { InputError } from '~/components/input_error'
import { TASK_PRIORITY_NAMES, TASK_STATUSES, TASK_STATUS_NAMES } from '#shared/tasks'
import type { TaskValues } from '~/lib/task_values'

/** The task fields below the title, as task forms hold them. */
export type TaskFieldValues = Omit<TaskValues, 'title' | 'description'>

type TaskFieldInputsProps = {
  /** Prefix of the inputs' ids, so two forms can share a page. */
  idPrefix: string
  values: TaskFieldValues
  errors: Partial<Record<keyof TaskFieldValues, string>>
  onChange: <Field extends keyof TaskFieldValues>(
    field: Field,
    value: TaskFieldValues[Field]
  ) => void
  members: { id: number; fullName: string }[]
  labels: Data.Label[]
}

/** Status, priority, assignee (a member), due date and labels of a task, with their errors. */
export function TaskFieldInputs({
  idPrefix,
  values,
  errors,
  onChange,
  members,
  labels,
}: TaskFieldInputsProps) {
  const id = (field: string) => `${idPrefix}${field}`

  return (
    <>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <Label htmlFor={id('status')}>Status</Label>
          <Select
            id={id('status')}
            className="mt-1"
            value={values.status}
            onChange={(e) => onChange('status', e.target.value)}
          >
            {TASK_STATUSES.map((value) => (
              <option key={value} value={value}>
                {TASK_STATUS_NAMES[value]}
              </option>
            ))}
          </Select>
          <InputError id={id('status-error')} message={errors.status} />
        </div>
        <div>
          <Label htmlFor={id('priority')}>Priority</Label>
          <Select
            id={id('priority')}
            className="mt-1"
            value={values.priority}
            onChange={(e) => onChange('priority', Number(e.target.value))}
          >
            {TASK_PRIORITY_NAMES.map((name, priority) => (
              <option key={name} value={priority}>
                {name}
              </option>
            ))}
          </Select>
          <InputError id={id('priority-error')} message={errors.priority} />
        </div>
        <div>
          <Label htmlFor={id('assignee')}>Assignee</Label>
          <Select
            id={id('assignee')}
            className="mt-1"
            value={values.assigneeId ?? ''}
            onChange={(e) => onChange('assigneeId', e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">Nobody</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.fullName}
              </option>
            ))}
          </Select>
          <InputError id={id('assignee-error')} message={errors.assigneeId} />
        </div>
        <div>
          <Label htmlFor={id('due')}>Due on</Label>
          <Input
            id={id('due')}
            type="date"
            className="mt-1"
            value={values.dueOn ?? ''}
            onChange={(e) => onChange('dueOn', e.target.value || null)}
          />
          <InputError id={id('due-error')} message={errors.dueOn} />
        </div>
      </div>
      {labels.length > 0 && (
        <fieldset>
          <legend className="text-sm font-medium">Labels</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {labels.map((label) => (
              <label key={label.id} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={values.labelIds.includes(label.id)}
                  onChange={(e) =>
                    onChange(
                      'labelIds',
                      e.target.checked
                        ? [...values.labelIds, label.id].sort((a, b) => a - b)
                        : values.labelIds.filter((labelId) => labelId !== label.id)
                    )
                  }
                />
                {label.name}
              </label>
            ))}
          </div>
          <InputError id={id('labels-error')} message={errors.labelIds} />
        </fieldset>
      )}
    </>
  )
}
