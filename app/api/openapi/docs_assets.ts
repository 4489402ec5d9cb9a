import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The files of Swagger UI (swagger-ui-dist) that the docs page loads. */
export const DOCS_ASSETS = ['swagger-ui-bundle.js', 'swagger-ui.css'] as const

/** One of DOCS_ASSETS. */
export type DocsAsset = (typeof DOCS_ASSETS)[number]

const packageRoot = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

/** Whether `file` is a file the docs page may load (anything else is a 404). */
export function isDocsAsset(file: unknown): file is DocsAsset {
  return DOCS_ASSETS.includes(file as DocsAsset)
}

/** The absolute path of a docs asset in the installed package. */
export function docsAssetPath(file: DocsAsset): string {
  return join(packageRoot, file)
}

let version: string | undefined

/** The installed swagger-ui-dist's version, which the assets' URLs carry to bust caches. */
export function docsAssetsVersion(): string {
  version ??= JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version as string
  return version
}
