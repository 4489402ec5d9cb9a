/**
 * The props of the admin pages, built by the admin module and read by the generic pages in
 * inertia/pages/admin (through inertia/lib/admin/types.ts). `inertia.render` checks every page
 * object against them, so a renamed field breaks the build, not the page.
 */

import type { JobState } from '#queue/job_store'

/** How sure a count is: exact, a planner's estimate, or "at least" (a count stopped early). */
export type AdminCount = { value: number; kind: 'exact' | 'estimate' | 'atLeast' }

/** One registered model in the sidebar and on the index page. */
export type AdminNavModel = {
  slug: string
  label: string
  url: string
  addUrl: string | null
}

/** Registered models the user may view, grouped by area. */
export type AdminNav = { areas: { name: string; models: AdminNavModel[] }[] }

/** The model a page is about, and what the user may do with it. */
export type AdminModelInfo = {
  slug: string
  label: string
  labelSingular: string
  url: string
  addUrl: string | null
  canAdd: boolean
  canChange: boolean
  canDelete: boolean
}

/** One object a page is about. */
export type AdminObjectRef = { id: string; title: string; url: string | null }

/** A value as the list and the forms carry it. Dates and times are ISO strings. */
export type AdminValue = string | number | boolean | null

/** The kind of a column's values, for display: datetimes read in the user's time zone. */
export type AdminValueType = 'text' | 'number' | 'boolean' | 'date' | 'datetime'

/** A column of the change list. `sortParam` is the `sort` value that sorts by it, or null. */
export type AdminColumn = {
  name: string
  label: string
  type: AdminValueType
  sortParam: string | null
  sorted: 'asc' | 'desc' | null
}

/** One row of the change list: the object's id, its change URL and one value per column. */
export type AdminRow = { id: string; url: string | null; cells: AdminValue[] }

/** A choice of a filter or a select. */
export type AdminChoice = { value: string; label: string }

/** A filter of the change list: a fixed set of choices, or a search of a related model. */
export type AdminFilter =
  | {
      kind: 'choices'
      param: string
      label: string
      choices: AdminChoice[]
      selected: string | null
    }
  | {
      kind: 'relation'
      param: string
      label: string
      lookupUrl: string
      selected: AdminChoice | null
    }

/** A bulk action offered on the selected rows. */
export type AdminAction = { name: string; label: string }

export type AdminIndexProps = {
  nav: AdminNav
  models: (AdminNavModel & { area: string; count: AdminCount })[]
  recentActions: AdminActivity[]
}

/** One entry of the activity record, as the index and history pages show it. */
export type AdminActivity = {
  id: string
  action: 'created' | 'updated' | 'deleted'
  actor: string | null
  subject: { label: string; id: string; title: string; url: string | null }
  createdAt: string
  changes: { field: string; label: string; before: string | null; after: string | null }[]
}

export type AdminChangeListProps = {
  nav: AdminNav
  model: AdminModelInfo
  columns: AdminColumn[]
  rows: AdminRow[]
  filters: AdminFilter[]
  actions: AdminAction[]
  /** Whether the model has search fields; `search` is the current term. */
  searchable: boolean
  search: string
  /** The query string parameters in force (filters, sort, search, page), to build URLs from. */
  params: Record<string, string>
  pagination: { page: number; perPage: number; count: AdminCount; hasNext: boolean }
  exportUrl: string | null
  /** Where the selected rows go: POST `{ action, ids }`. */
  actionUrl: string
}

/** How a form field is drawn. `relation` searches the related model as you type. */
export type AdminWidget =
  | 'text'
  | 'email'
  | 'textarea'
  | 'number'
  | 'checkbox'
  | 'date'
  | 'datetime'
  | 'select'
  | 'relation'
  | 'relations'
  | 'password'

/** A field of the change form. Values of `relation(s)` are ids; `selected` gives their labels. */
export type AdminField = {
  name: string
  label: string
  widget: AdminWidget
  required: boolean
  readonly: boolean
  help: string | null
  maxLength: number | null
  choices: AdminChoice[] | null
  lookupUrl: string | null
  selected: AdminChoice[] | null
}

/** Rows of a child model edited on the parent's form (a task's comments). */
export type AdminInline = {
  name: string
  label: string
  /** One row's name, for "Add another comment"; `label` is used when absent. */
  labelSingular?: string
  fields: AdminField[]
  rows: { id: string; values: Record<string, AdminValue> }[]
  canAdd: boolean
  canChange: boolean
  canDelete: boolean
}

export type AdminChangeFormProps = {
  nav: AdminNav
  model: AdminModelInfo
  /** Null on the add form. */
  object: AdminObjectRef | null
  fieldsets: { title: string | null; fields: AdminField[] }[]
  values: Record<string, AdminValue | string[]>
  inlines: AdminInline[]
  /** The version the form was drawn from; sent back so a stale save is refused. */
  version: string | null
  /** Where the form posts (POST on add, PUT on change). */
  submitUrl: string
  historyUrl: string | null
  deleteUrl: string | null
}

export type AdminDeleteProps = {
  nav: AdminNav
  model: AdminModelInfo
  objects: AdminObjectRef[]
  /** What goes with them: related rows the database deletes in cascade. */
  cascades: { label: string; count: number; examples: string[] }[]
  ids: string[]
  submitUrl: string
  cancelUrl: string
}

export type AdminHistoryProps = {
  nav: AdminNav
  model: AdminModelInfo
  object: AdminObjectRef
  entries: AdminActivity[]
}

/** One background CSV export of the user's, as the exports page lists it. */
export type AdminExportEntry = {
  id: string
  /** The exported model's plural label. */
  label: string
  status: 'pending' | 'running' | 'done' | 'failed' | 'expired'
  /** 0 to 1 while it is written; 1 when done. */
  progress: number | null
  /** The rows the file holds (done), or written so far. */
  rows: number
  error: string | null
  createdAt: string
  expiresAt: string | null
  /** The file's link: done, not expired, and the model is still visible to the user. */
  downloadUrl: string | null
}

/** The user's recent background exports. */
export type AdminExportsProps = {
  nav: AdminNav
  exports: AdminExportEntry[]
}

/** One job of the queue in the jobs section. Times are ISO strings; `error` is redacted. */
export type AdminJob = {
  id: string
  name: string
  queue: string
  state: JobState
  attempts: number
  /** 0 to 1, for jobs that report their progress. */
  progress: number | null
  /** The last attempt's error: its first line on lists, in full on the job's page. */
  error: string | null
  enqueuedAt: string | null
  claimedAt: string | null
  /** When a delayed job runs again. */
  runAt: string | null
  finishedAt: string | null
  url: string
}

/** A state's tab above the list of jobs. */
export type AdminJobTab = { state: JobState; label: string; count: number; url: string }

export type AdminJobsProps = {
  nav: AdminNav
  /** The list's URL without a query string, to build page links from. */
  url: string
  state: JobState
  tabs: AdminJobTab[]
  jobs: AdminJob[]
  pagination: { page: number; perPage: number; count: AdminCount; hasNext: boolean }
  /** The actions this user may run on this state's jobs. */
  actions: AdminAction[]
  /** Where the selected jobs go: POST `{ action, ids }`. */
  actionUrl: string
}

export type AdminJobPageProps = {
  nav: AdminNav
  job: AdminJob & {
    stalledCount: number
    /** The payload as indented JSON, secrets redacted. */
    payload: string
  }
  /** The list of the job's state. */
  listUrl: string
  /** Where its retry posts, when this user may retry it now. */
  retryUrl: string | null
  /** Where its discard deletes, when this user may discard it now. */
  discardUrl: string | null
}
