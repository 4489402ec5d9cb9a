import type { FieldSpec } from '#scaffold/field_spec'
import type { ResourceNames } from '#scaffold/resource_names'
import type { RelationField, RelationTarget } from '#scaffold/relation_targets'

/**
 * Everything a resource's files are rendered from: its names (which carry its scope), its own
 * fields in the order given (the parent project is not among them) and its belongs_to fields
 * with the models they point at.
 */
export type Resource = { names: ResourceNames; fields: FieldSpec[]; relations: RelationField[] }

/** Whether the resource belongs to a project (else to the user who created it). */
export function inProject(resource: Resource): boolean {
  return resource.names.scope === 'project'
}

/** The model a belongs_to field points at. */
export function targetOf(resource: Resource, field: FieldSpec): RelationTarget {
  const relation = resource.relations.find((candidate) => candidate.property === field.property)
  if (!relation) throw new Error(`The field "${field.name}" is not a resolved belongs_to`)
  return relation.target
}

/** The scope column and its meta key: `project_id`/`projectId` or `owner_id`/`ownerId`. */
export function scopeColumn(resource: Resource): { column: string; property: string } {
  return inProject(resource)
    ? { column: 'project_id', property: 'projectId' }
    : { column: 'owner_id', property: 'ownerId' }
}

/** `Invoice`'s first plain string field: what names a row on pages; null when there is none. */
export function titleField(resource: Resource): FieldSpec | null {
  return resource.fields.find((field) => field.type === 'string' && !field.nullable) ?? null
}

/** `invoice` → `Invoice`. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** `issued_on` → `Issued on`; `in_progress` → `In progress`. */
export function humanize(value: string): string {
  return capitalize(value.replaceAll('_', ' '))
}
