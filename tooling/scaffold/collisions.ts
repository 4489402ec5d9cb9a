import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ResourceNames } from '#scaffold/resource_names'
import { resourceFilePaths } from '#scaffold/resource_files'

/**
 * Why a resource cannot be written into the app at `root`: its files (the API's among them), its
 * table, its routes (the pages' or the API's) or its admin registration already exist. Empty when everything is free.
 */
export async function findCollisions(root: string, names: ResourceNames): Promise<string[]> {
  const problems: string[] = []

  for (const path of resourceFilePaths(names)) {
    if (existsSync(join(root, path))) problems.push(`${path} already exists`)
  }

  const migrations = join(root, 'database/migrations')
  if (existsSync(migrations)) {
    for (const file of await readdir(migrations)) {
      const source = await readFile(join(migrations, file), 'utf-8')
      if (createsTable(source, names.table)) {
        problems.push(
          `the table "${names.table}" is already created by database/migrations/${file}`
        )
      }
    }
  }

  const routes = join(root, 'start/routes.ts')
  if (existsSync(routes)) {
    const source = await readFile(routes, 'utf-8')
    if (source.includes(`'${names.routePrefix}.`)) {
      problems.push(`start/routes.ts already names routes "${names.routePrefix}.*"`)
    }
    if (names.scope === 'project' && source.includes(`'${names.plural}.index'`)) {
      problems.push(`start/routes.ts already names API routes "api.${names.plural}.*"`)
    }
    const url = names.urlPattern.slice(1)
    if (new RegExp(`['"\`]/?${escapeRegExp(url)}(/|['"\`])`).test(source)) {
      problems.push(`start/routes.ts already answers URLs under /${url}`)
    }
  }

  const admin = join(root, 'start/admin.ts')
  const registrations = existsSync(admin) ? await readFile(admin, 'utf-8') : ''
  if (registrations.includes(`#models/${names.file}'`)) {
    problems.push(`start/admin.ts already registers the model "${names.model}"`)
  }
  return problems
}

/** Whether a migration's source creates `table`, by name or through its `tableName`. */
function createsTable(source: string, table: string): boolean {
  const name = `['"\`]${table}['"\`]`
  return (
    new RegExp(`createTable\\(\\s*${name}`).test(source) ||
    (/createTable\(\s*this\.tableName/.test(source) &&
      new RegExp(`tableName\\s*=\\s*${name}`).test(source))
  )
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
