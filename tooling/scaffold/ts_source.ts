import type { CodeTransformer } from '@adonisjs/assembler/code_transformer'

/** A ts-morph project, as the assembler's codemods edit files through (`CodeTransformer`). */
export type TsProject = CodeTransformer['project']

/** A source file of that project. */
export type TsSourceFile = ReturnType<TsProject['createSourceFile']>

/**
 * A ts-morph project in memory, set up as the assembler's `CodeTransformer` sets up its own
 * (single quotes). The generators edit a file's text through it without loading the whole app
 * (which `codemods.getTsMorphProject()` does, in tens of seconds) and without writing anything.
 */
export async function inMemoryTsProject(): Promise<TsProject> {
  const { Project, QuoteKind } = await import('ts-morph')
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Single },
  })
}

/**
 * Edits `source` (the text of the file at `path`) through the ts-morph `project`, in memory: the
 * file on disk is left as it is, and the edited text is returned for the caller to write (after
 * Prettier, as every generated file is).
 */
export function editSource(
  project: TsProject,
  path: string,
  source: string,
  edit: (file: TsSourceFile) => void
): string {
  const file = project.createSourceFile(path, source, { overwrite: true })
  try {
    edit(file)
    return file.getFullText()
  } finally {
    project.removeSourceFile(file)
  }
}
