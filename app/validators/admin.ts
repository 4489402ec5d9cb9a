import vine from '@vinejs/vine'
import { ROW_ID } from '#validators/rules/row_id'

/** The primary keys of the rows selected in a change list: 1 to 1,000 row ids, each given once. */
const selectedIds = () =>
  vine.array(vine.string().trim().regex(ROW_ID)).minLength(1).maxLength(1000).distinct()

/** Rows to delete: `ids[]` on the deletion, `?ids=1,2` (split first) on its confirmation page. */
export const deleteRowsValidator = vine.compile(vine.object({ ids: selectedIds() }))

/** A bulk action on the selected rows. */
export const runBulkActionValidator = vine.compile(
  vine.object({ action: vine.string().trim().maxLength(100), ids: selectedIds() })
)

/**
 * An action on jobs of the queue: its name and the selected job ids (the queue's own ids, not row
 * ids). An empty or missing selection passes, so the action can say "Select at least one job."
 */
export const runJobActionValidator = vine.compile(
  vine.object({
    action: vine.string().trim().maxLength(100),
    ids: vine.array(vine.string().trim().maxLength(200)).maxLength(1000).distinct().optional(),
  })
)
