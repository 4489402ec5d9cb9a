/*
|--------------------------------------------------------------------------
| Bundle report
|--------------------------------------------------------------------------
|
| Prints, for every Inertia page, the JavaScript and CSS a first visit to
| it downloads, for a guest and for a logged-in user: the entries the root
| view preloads (app, page, layout; see #services/client_entries) and every
| chunk they import statically, raw and as the server sends them (its
| precompressed gzip and brotli copies). Runs after "npm run build"
| (node scripts/bundle_report.ts [public/assets]).
|
*/

import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { clientEntries } from '../app/services/http/client_entries.ts'

type ManifestChunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }
type Manifest = Record<string, ManifestChunk>

/** Bytes of a set of files: raw, and as sent to a client accepting gzip, or brotli. */
export type Sizes = { raw: number; gzip: number; brotli: number }

/** What one first load downloads: its files, and their JavaScript and CSS bytes. */
export type FirstLoad = { files: string[]; js: Sizes; css: Sizes }

/** The first load of one page, for a guest and for a logged-in user. */
export type PageBundle = { page: string; guest: FirstLoad; user: FirstLoad }

/** The app entry every page loads first. */
export const ENTRY = 'inertia/app.tsx'

/** The size of a file as served: its precompressed copy when the build wrote one, else itself. */
function servedSize(path: string, extension: '.gz' | '.br'): number {
  return statSync(existsSync(path + extension) ? path + extension : path).size
}

function collect(manifest: Manifest, key: string, seen: Set<string>) {
  if (seen.has(key)) return
  seen.add(key)
  for (const child of manifest[key]?.imports ?? []) collect(manifest, child, seen)
}

function sizes(assetsDir: string, files: string[]): Sizes {
  const paths = files.map((file) => join(assetsDir, file))
  return {
    raw: paths.reduce((sum, path) => sum + statSync(path).size, 0),
    gzip: paths.reduce((sum, path) => sum + servedSize(path, '.gz'), 0),
    brotli: paths.reduce((sum, path) => sum + servedSize(path, '.br'), 0),
  }
}

/** Sizes the first load made of some manifest entries and everything they import statically. */
export function firstLoad(assetsDir: string, manifest: Manifest, entries: string[]): FirstLoad {
  const keys = new Set<string>()
  for (const entry of entries) {
    if (!manifest[entry]) throw new Error(`"${entry}" is not in the build's manifest`)
    collect(manifest, entry, keys)
  }
  const jsFiles = [...keys].map((key) => manifest[key].file)
  const cssFiles = [...new Set([...keys].flatMap((key) => manifest[key].css ?? []))]
  return {
    files: [...jsFiles, ...cssFiles],
    js: sizes(assetsDir, jsFiles),
    css: sizes(assetsDir, cssFiles),
  }
}

/** Reads the Vite manifest of a build and sizes the first load of every page. */
export function pageBundles(assetsDir: string): PageBundle[] {
  const manifest: Manifest = JSON.parse(
    readFileSync(join(assetsDir, '.vite/manifest.json'), 'utf8')
  )
  const pages = Object.keys(manifest).filter((key) => key.startsWith('inertia/pages/'))

  return pages.sort().map((pageKey) => {
    const component = pageKey.replace(/^inertia\/pages\//, '').replace(/\.tsx$/, '')
    const load = (user: unknown) =>
      firstLoad(assetsDir, manifest, clientEntries({ component, props: { user } }))
    return { page: component, guest: load(null), user: load({}) }
  })
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

/** Formats the bundles as a table for the terminal. */
export function formatReport(bundles: PageBundle[]): string {
  const rows = bundles.map((b) => [
    b.page,
    kB(b.guest.js.raw),
    kB(b.guest.js.gzip),
    kB(b.guest.js.brotli),
    kB(b.user.js.raw),
    kB(b.user.js.gzip),
    kB(b.user.js.brotli),
    kB(b.user.css.gzip),
  ])
  const head = [
    'page (first load)',
    'guest JS raw',
    'gzip',
    'brotli',
    'user JS raw',
    'gzip',
    'brotli',
    'CSS gzip',
  ]
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const assetsDir = process.argv[2] ?? 'public/assets'
  console.log(formatReport(pageBundles(assetsDir)))
}
