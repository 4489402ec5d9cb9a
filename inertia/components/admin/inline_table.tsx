import { useState } from 'react'
import type { AdminInline } from '~/lib/admin/types'
import { type InlineRowData, emptyValue } from '~/lib/admin/form_values'
import { AdminFormField } from '~/components/admin/admin_form_field'
import { Button } from '~/components/ui/button'
import { Table, Td, Th } from '~/components/ui/table'
import { cn } from '~/lib/cn'

type InlineTableProps = {
  inline: AdminInline
  /** The rows as the form holds them: the existing ones first, then the added ones. */
  rows: InlineRowData[]
  errors: Partial<Record<string, string>>
  /** The whole form is view-only: no input, no adding, no deleting. */
  readonly: boolean
  onChange: (rows: InlineRowData[]) => void
}

/**
 * The rows of a child model on its parent's form, one table row each: edit them, tick "Delete" to
 * remove them on save, or add new ones. Errors come keyed `_inlines.<inline>.<index>.<field>`.
 */
export function InlineTable({ inline, rows, errors, readonly, onChange }: InlineTableProps) {
  const existing = rows.filter((row) => row.id !== undefined).length
  const [addedKeys, setAddedKeys] = useState<number[]>([])
  const canDelete = inline.canDelete && !readonly
  const singular = inline.labelSingular ?? inline.label
  const actionColumn = canDelete || (inline.canAdd && !readonly)

  const update = (index: number, changes: Partial<InlineRowData>) =>
    onChange(rows.map((row, other) => (other === index ? { ...row, ...changes } : row)))

  function add() {
    const row: InlineRowData = { id: undefined }
    for (const field of inline.fields) row[field.name] = emptyValue(field)
    setAddedKeys((keys) => [...keys, (keys.at(-1) ?? 0) + 1])
    onChange([...rows, row])
  }

  function remove(index: number) {
    setAddedKeys((keys) => keys.filter((_, position) => position !== index - existing))
    onChange(rows.filter((_, other) => other !== index))
  }

  return (
    <section aria-labelledby={`inline-${inline.name}`} data-test={`admin-inline-${inline.name}`}>
      <h2 id={`inline-${inline.name}`} className="text-lg font-semibold">
        {inline.label}
      </h2>
      <Table className="mt-2">
        <thead>
          <tr>
            {inline.fields.map((field) => (
              <Th key={field.name}>{field.label}</Th>
            ))}
            {actionColumn && <Th className="w-24">Delete</Th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const isNew = row.id === undefined
            const locked = readonly || (!isNew && !inline.canChange)
            const path = `_inlines.${inline.name}.${index}`
            return (
              <tr
                key={isNew ? `new-${addedKeys[index - existing]}` : row.id}
                className={cn(row._delete && 'opacity-60')}
                data-test={`admin-inline-${inline.name}-${index}`}
              >
                {inline.fields.map((field) => (
                  <Td key={field.name} className="align-top">
                    <AdminFormField
                      id={`inline-${inline.name}-${index}-${field.name}`}
                      field={field}
                      value={row[field.name] ?? null}
                      onChange={(value) => update(index, { [field.name]: value })}
                      error={errors[`${path}.${field.name}`]}
                      readonly={locked}
                      label={{ text: `${field.label} (${singular} ${index + 1})`, hidden: true }}
                      testId={`admin-field-${path}.${field.name}`}
                    />
                  </Td>
                ))}
                {actionColumn && (
                  <Td className="align-top">
                    <div className="flex min-h-9 items-center">
                      {isNew ? (
                        <Button variant="ghost" size="sm" onClick={() => remove(index)}>
                          Remove<span className="sr-only"> new {singular}</span>
                        </Button>
                      ) : (
                        canDelete && (
                          <input
                            type="checkbox"
                            aria-label={`Delete ${singular} ${index + 1}`}
                            checked={row._delete === true}
                            onChange={(event) =>
                              update(index, { _delete: event.target.checked || undefined })
                            }
                            data-test={`admin-inline-delete-${inline.name}-${index}`}
                          />
                        )
                      )}
                    </div>
                  </Td>
                )}
              </tr>
            )
          })}
        </tbody>
      </Table>
      {rows.length === 0 && <p className="mt-2 text-sm text-muted-foreground">None yet.</p>}
      {inline.canAdd && !readonly && (
        <Button
          variant="secondary"
          size="sm"
          className="mt-2"
          onClick={add}
          data-test={`admin-inline-add-${inline.name}`}
        >
          Add another {singular}
        </Button>
      )}
    </section>
  )
}
