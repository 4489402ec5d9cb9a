import string from '@adonisjs/core/helpers/string'
import type { LucidModel, LucidRow } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AdminContext } from '#admin/admin_context'
import type { AdminValue, AdminValueType } from '#admin/types'
import { columnsOf, primaryKeyOf } from '#introspection/model_fields'
import type { InlineAdmin } from '#admin/inline_admin'
import type { BulkAction } from '#admin/bulk_actions'
import type { FieldRules } from '#validators/rules/field_rules'
import { PERMISSION_ACTIONS, type PermissionAction } from '#admin/permissions'

/** A column of the change list computed from the row, e.g. a task's comment count. */
export type ComputedColumn = {
  label: string
  type?: AdminValueType
  /** Columns of the model's table the value needs, selected with the page. */
  select?: string[]
  /**
   * An SQL expression over the row the value needs (e.g. a count of related rows), selected with
   * the page under the column's name, as Django's `annotate`. Write table names in full.
   */
  expression?: string
  value: (row: Record<string, any>) => AdminValue
}

/** Per-field changes to what the admin infers from the model and the database. */
export type FieldOptions = {
  label?: string
  help?: string
  /** Fixed choices: value to label. Makes the field a select and a filter of these choices. */
  choices?: Record<string, string>
  /** Draw as a text area (long text) or as a password input (write-only). */
  widget?: 'textarea' | 'password' | 'email'
}

/** A group of form fields under a title. */
export type Fieldset = { title: string | null; fields: string[] }

/**
 * How a model appears in the admin, as Django's `ModelAdmin`: options declared as fields, each
 * with a `get*` hook to change it per request, and permission checks. Subclass it per model and
 * register the subclass in `start/admin.ts`; every option has a default inferred from the model.
 */
export class ModelAdmin<Model extends LucidModel = LucidModel> {
  /** The sidebar and index heading the model is listed under. */
  area = 'Content'
  /** Plural and singular names; default from the model's class name ("Task" → "Tasks"). */
  label?: string
  labelSingular?: string
  /** The attribute that names an object on pages ("title", "name", "email"). */
  titleField?: string

  /**
   * Change list columns: attributes (`title`), relation fields (`project.name`) or keys of
   * `computed`. Defaults to the first five visible columns.
   */
  listDisplay: string[] = []
  computed: Record<string, ComputedColumn> = {}
  /** Attributes or relation fields searched with a case-insensitive "contains". */
  searchFields: string[] = []
  /** Attributes (booleans, dates, fields with choices) and belongsTo relations to filter on. */
  listFilter: string[] = []
  /** Default ordering: attributes, `-` for descending. */
  ordering: string[] = ['-id']
  /** Columns a user may sort by; defaults to the displayed attributes and relation fields. */
  sortableFields: string[] | null = null
  perPage = 50
  /** Shown on the form but never written from it. */
  readonlyFields: string[] = []
  /** Form fields in order, grouped; defaults to one group of every editable column. */
  fieldsets: Fieldset[] | null = null
  fieldOptions: Record<string, FieldOptions> = {}
  /**
   * The pages' rules of the model's fields (the validators' `taskFields`): the form validates
   * each of these fields exactly as the pages do, and infers the others' rules from the column.
   */
  fieldRules: FieldRules = {}
  /** Child records edited on the parent's form. */
  inlines: InlineAdmin[] = []
  /** Bulk actions beyond "Delete selected". */
  actions: BulkAction[] = []
  /** A log-like model nobody adds to, changes or deletes through the admin. */
  readOnly = false
  /** How the activity record names this model's rows (`withActivity`'s subjectType). */
  activitySubject: string | null = null
  /** A page that replaces a generic one for this model, e.g. `admin/tasks/change_list`. */
  pages: { changeList?: string; changeForm?: string } = {}

  constructor(readonly model: Model) {}

  /** The URL segment: "tasks", "project-members". */
  get slug(): string {
    return string.dashCase(string.plural(this.model.name))
  }

  /**
   * What the admin offers to do with the model, and so the permissions it can be granted: every
   * action, only `view` for a `readOnly` model. Override it for a model that is, say, only seen
   * and deleted (no add or change form).
   */
  get permissionActions(): readonly PermissionAction[] {
    return this.readOnly ? ['view'] : PERMISSION_ACTIONS
  }

  /** The permission codename prefix: "task", "project_member". */
  get permissionKey(): string {
    return string.snakeCase(this.model.name)
  }

  get table(): string {
    return this.model.table
  }

  get primaryKey() {
    return primaryKeyOf(this.model)
  }

  get pluralLabel(): string {
    return this.label ?? string.sentenceCase(string.plural(this.model.name))
  }

  get singularLabel(): string {
    return this.labelSingular ?? string.sentenceCase(this.model.name).toLowerCase()
  }

  /** The attribute naming objects: `titleField`, else name, title, fullName, email, the key. */
  get titleAttribute(): string {
    if (this.titleField) return this.titleField
    const attributes = columnsOf(this.model).map((column) => column.attribute)
    return (
      ['name', 'title', 'fullName', 'email', 'codename'].find((name) =>
        attributes.includes(name)
      ) ?? this.primaryKey.attribute
    )
  }

  getListDisplay(_ctx: AdminContext): string[] {
    if (this.listDisplay.length > 0) return this.listDisplay
    return columnsOf(this.model)
      .filter((column) => !column.meta.hidden)
      .slice(0, 5)
      .map((column) => column.attribute)
  }

  getSearchFields(_ctx: AdminContext): string[] {
    return this.searchFields
  }

  getListFilter(_ctx: AdminContext): string[] {
    return this.listFilter
  }

  getOrdering(_ctx: AdminContext): string[] {
    return this.ordering
  }

  getSortableFields(ctx: AdminContext): string[] {
    return (
      this.sortableFields ??
      this.getListDisplay(ctx).filter((name) => !Object.hasOwn(this.computed, name))
    )
  }

  getReadonlyFields(ctx: AdminContext, _row?: LucidRow): string[] {
    return this.hasChangePermission(ctx) ? this.readonlyFields : []
  }

  getFieldsets(_ctx: AdminContext, _row?: LucidRow): Fieldset[] {
    if (this.fieldsets) return this.fieldsets
    const fields = columnsOf(this.model)
      .filter(
        (column) =>
          !column.isPrimary &&
          !column.meta.hidden &&
          !column.meta.autoCreate &&
          !column.meta.autoUpdate
      )
      .map((column) => column.attribute)
    return [{ title: null, fields }]
  }

  getInlines(_ctx: AdminContext): InlineAdmin[] {
    return this.inlines
  }

  getActions(_ctx: AdminContext): BulkAction[] {
    return this.actions
  }

  /** How the activity record names `row` (its primary key unless the model records otherwise). */
  activitySubjectIdOf(row: LucidRow): string {
    return String(row.$primaryKeyValue)
  }

  /** The project an activity entry about `row` belongs to (dashboards group by it). */
  activityProjectOf(row: LucidRow): number | null {
    const projectId = (row as unknown as { projectId?: unknown }).projectId
    return typeof projectId === 'number' ? projectId : null
  }

  /**
   * Checks across fields after each field is valid, as Django's `clean()`: returns errors keyed
   * by field name, nothing when the values may be saved. Runs inside the save's transaction.
   */
  async clean(
    _ctx: AdminContext,
    _values: Record<string, unknown>,
    _row: LucidRow
  ): Promise<Record<string, string>> {
    return {}
  }

  /**
   * Writes the row of a validated form in the save's transaction, as Django's `save_model()`:
   * override it to write what goes with a new row (a project's first member).
   */
  async saveModel(
    _ctx: AdminContext,
    row: LucidRow,
    trx: TransactionClientContract,
    _options: { adding: boolean }
  ): Promise<void> {
    await row.useTransaction(trx).save()
  }

  hasViewPermission(ctx: AdminContext, _row?: LucidRow): boolean {
    return ctx.can(this.permissionKey, 'view') || this.hasChangePermission(ctx)
  }

  hasAddPermission(ctx: AdminContext): boolean {
    return this.permissionActions.includes('add') && ctx.can(this.permissionKey, 'add')
  }

  hasChangePermission(ctx: AdminContext, _row?: LucidRow): boolean {
    return this.permissionActions.includes('change') && ctx.can(this.permissionKey, 'change')
  }

  hasDeletePermission(ctx: AdminContext, _row?: LucidRow): boolean {
    return this.permissionActions.includes('delete') && ctx.can(this.permissionKey, 'delete')
  }
}
