import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { RelationshipsContract } from '@adonisjs/lucid/types/relations'

/** What a model attribute is to the admin: a column, or a relation by its name. */
export type ModelMember =
  | { kind: 'column'; attribute: string; column: string; isPrimary: boolean; meta: ColumnMeta }
  | { kind: 'belongsTo'; attribute: string; relation: BootedRelation; column: string }
  | { kind: 'hasMany'; attribute: string; relation: BootedRelation }
  | { kind: 'manyToMany'; attribute: string; relation: BootedRelation }

/** The parts of a Lucid column's options the admin reads. */
export type ColumnMeta = {
  type: 'date' | 'datetime' | null
  autoCreate: boolean
  autoUpdate: boolean
  hidden: boolean
}

/** A relation after `boot()`, with its keys resolved. */
export type BootedRelation = RelationshipsContract & {
  foreignKey: string
  foreignKeyColumnName: string
  localKey: string
  localKeyColumnName: string
  pivotTable?: string
  pivotForeignKey?: string
  pivotRelatedForeignKey?: string
}

/** The column attributes of a model, in declaration order. */
export function columnsOf(model: LucidModel): Extract<ModelMember, { kind: 'column' }>[] {
  model.boot()
  return [...model.$columnsDefinitions.entries()].map(([attribute, options]) => ({
    kind: 'column' as const,
    attribute,
    column: options.columnName,
    isPrimary: options.isPrimary,
    meta: {
      type: options.meta?.type ?? null,
      autoCreate: Boolean(options.meta?.autoCreate),
      autoUpdate: Boolean(options.meta?.autoUpdate),
      hidden: options.serializeAs === null,
    },
  }))
}

/** A relation of a model by name, booted, or null when the model has none by that name. */
export function relationOf(model: LucidModel, name: string): BootedRelation | null {
  model.boot()
  const relation = model.$relationsDefinitions.get(name)
  if (!relation) return null
  if (!relation.booted) relation.boot()
  return relation as BootedRelation
}

/** An attribute or relation of a model by name, or null when it has neither. */
export function memberOf(model: LucidModel, name: string): ModelMember | null {
  const column = columnsOf(model).find((candidate) => candidate.attribute === name)
  if (column) return column
  const relation = relationOf(model, name)
  if (!relation) return null
  switch (relation.type) {
    case 'belongsTo':
      return { kind: 'belongsTo', attribute: name, relation, column: relation.foreignKeyColumnName }
    case 'hasMany':
      return { kind: 'hasMany', attribute: name, relation }
    case 'manyToMany':
      return { kind: 'manyToMany', attribute: name, relation }
    default:
      return null
  }
}

/** The model's primary key attribute and column. */
export function primaryKeyOf(model: LucidModel): { attribute: string; column: string } {
  const key = columnsOf(model).find((column) => column.isPrimary)
  return key ? { attribute: key.attribute, column: key.column } : { attribute: 'id', column: 'id' }
}

/** "dueOn" → "Due on", "project.name" → "Project name". */
export function humanize(name: string): string {
  const words = name
    .replace(/\./g, ' ')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
