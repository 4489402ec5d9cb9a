import { readdir } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { BaseModel } from '@adonisjs/lucid/orm'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { ManyToManyRelationContract } from '@adonisjs/lucid/types/relations'

/** Whether a module's default export is a Lucid model. */
export function isModel(value: unknown): value is LucidModel {
  return typeof value === 'function' && value.prototype instanceof BaseModel
}

/** The models of the app: the default export of every file in app/models, by file name. */
export async function appModels(): Promise<LucidModel[]> {
  const folder = app.makePath('app/models')
  const files = await readdir(folder)
  const modules = files
    .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => file.replace(/\.(ts|js)$/, ''))
    .sort()
  const models: LucidModel[] = []
  for (const module of modules) {
    const { default: exported } = (await import(`#models/${module}`)) as { default: unknown }
    if (isModel(exported)) models.push(exported)
  }
  return models
}

/** The join tables of the models' many-to-many relations, each once, in the models' order. */
export function pivotTablesOf(models: LucidModel[]): string[] {
  const tables = new Set<string>()
  for (const model of models) {
    model.boot()
    for (const relation of model.$relationsDefinitions.values()) {
      if (relation.type !== 'manyToMany') continue
      const manyToMany = relation as ManyToManyRelationContract<LucidModel, LucidModel>
      manyToMany.boot()
      tables.add(manyToMany.pivotTable)
    }
  }
  return [...tables]
}
