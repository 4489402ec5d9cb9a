/*
|--------------------------------------------------------------------------
| Bundle report
|--------------------------------------------------------------------------
|
| Prints, for every Inertia page, the JavaScript and CSS a first visit to
| it downloads: the app entry, the page's own chunk and every chunk they
| import statically, raw and compressed. Runs after "npm run build"
| (node scripts/bundle_report.ts [public/assets]); the production test
| suite uses the same functions to check the budget.
|
*/

import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'

type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }
type Manifest = Record<string, ManifestChunk>

/** What the first visit to one page downloads, in bytes. */
export type PageBundle = {
  page: string
  files: string[]
  js: { raw: number; gzip: number; brotli: number }
  css: { raw: number; gzip: number; brotli: number }
}

/** The app entry every page loads first. */
export const ENTRY = 'inertia/app.tsx'

function compressedSize(path: string, extension: '.gz' | '.br'): number {
  if (existsSync(path + extension)) return statSync(path + extension).size
  const source = readFileSync(path)
  return extension === '.gz'
    ? gzipSync(source, { level: constants.Z_BEST_COMPRESSION }).byteLength
    : brotliCompressSync(source).byteLength
}

function collect(manifest: Manifest, key: string, seen: Set<string>) {
  if (seen.has(key)) return
  seen.add(key)
  for (const child of manifest[key]?.imports ?? []) collect(manifest, child, seen)
}

/** Reads the Vite manifest of a build and sizes the first load of every page. */
export function pageBundles(assetsDir: string): PageBundle[] {
  const manifest: Manifest = JSON.parse(
    readFileSync(join(assetsDir, '.vite/manifest.json'), 'utf8')
  )
  const pages = Object.keys(manifest).filter((key) => key.startsWith('inertia/pages/'))

  return pages.sort().map((pageKey) => {
    const keys = new Set<string>()
    collect(manifest, ENTRY, keys)
    collect(manifest, pageKey, keys)

    const jsFiles = [...keys].map((key) => manifest[key].file)
    const cssFiles = [...new Set([...keys].flatMap((key) => manifest[key].css ?? []))]
    const size = (files: string[]) => {
      const paths = files.map((file) => join(assetsDir, file))
      return {
        raw: paths.reduce((sum, path) => sum + statSync(path).size, 0),
        gzip: paths.reduce((sum, path) => sum + compressedSize(path, '.gz'), 0),
        brotli: paths.reduce((sum, path) => sum + compressedSize(path, '.br'), 0),
      }
    }

    return {
      page: pageKey.replace(/^inertia\/pages\//, '').replace(/\.tsx$/, ''),
      files: [...jsFiles, ...cssFiles],
      js: size(jsFiles),
      css: size(cssFiles),
    }
  })
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

/** Formats the bundles as a table for the terminal. */
export function formatReport(bundles: PageBundle[]): string {
  const rows = bundles.map((b) => [
    b.page,
    kB(b.js.raw),
    kB(b.js.gzip),
    kB(b.js.brotli),
    kB(b.css.gzip),
  ])
  const head = ['page (first load)', 'JS raw', 'JS gzip', 'JS brotli', 'CSS gzip']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const assetsDir = process.argv[2] ?? 'public/assets'
  console.log(formatReport(pageBundles(assetsDir)))
}
