import app from '@adonisjs/core/services/app'
import { type TsProject, inMemoryTsProject } from '#scaffold/ts_source'

let project: TsProject | undefined

/** The in-memory ts-morph project the generators edit files through; made once. */
export async function scaffoldTsProject(): Promise<TsProject> {
  project ??= await inMemoryTsProject()
  return project
}

/** `source` as Prettier leaves it with the app's settings, as generators write files. */
export async function prettified(source: string, path = 'file.ts'): Promise<string> {
  const prettier = await import('prettier')
  const options = await prettier.resolveConfig(app.makePath(path))
  return prettier.format(source, { ...options, filepath: app.makePath(path) })
}
