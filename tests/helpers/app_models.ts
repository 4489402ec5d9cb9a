import { readdir } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { BaseModel } from '@adonisjs/lucid/orm'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { ManyToManyRelationContract } from '@adonisjs/lucid/types/relations'

/**
 * The models the app has now, found as a newcomer would find them: the default export of each
 * file in app/models, by file name. Tests of generic features (dump and load, the admin) derive
 * what they expect from these, so a model that `make:resource` adds is expected too.
 */
export async function appModels(): Promise<LucidModel[]> {
  const files = await readdir(app.makePath('app/models'))
  const models: LucidModel[] = []
  for (const file of files.filter((name) => /^[a-z0-9_]+\.ts$/.test(name)).sort()) {
    const { default: exported } = await import(`#models/${file.replace(/\.ts$/, '')}`)
    if (typeof exported === 'function' && exported.prototype instanceof BaseModel) {
      models.push(exported)
    }
  }
  return models
}

/** The join tables of the many-to-many relations of `models`, each once. */
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
