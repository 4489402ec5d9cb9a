/** The admin pages' props, as the server's admin module declares them (app/admin/types.ts). */
export type * from '#admin/types'
