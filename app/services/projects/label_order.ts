import type { OrderKey } from '#api/pagination'

/** The order a project's labels are listed in (the labels page, the API): by name, then id. */
export const LABEL_ORDER_KEYS: OrderKey[] = [
  { sql: 'labels.name', direction: 'asc' },
  { sql: 'labels.id', direction: 'asc' },
]
