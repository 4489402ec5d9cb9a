import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { GUEST_PAGE_FOLDERS, GUEST_PAGES, isGuestPage } from '#services/http/client_entries'

/** What a list of page globs names: folders of inertia/pages and pages at its top. */
type NamedPages = { folders: string[]; pages: string[] }

/**
 * The quoted globs of `file` (relative to inertia/) that start with `prefix` + "./pages/",
 * sorted into folders ("auth" from "./pages/auth/**") and top-level pages ("home" from
 * "./pages/home.tsx"). A glob of another shape throws, so it cannot slip past the comparison.
 */
async function pageGlobs(file: string, prefix: '' | '!', folderTail: string): Promise<NamedPages> {
  const source = await readFile(app.makePath('inertia', file), 'utf8')
  const named: NamedPages = { folders: [], pages: [] }
  const start = `${prefix}./pages/`
  for (const [, glob] of source.matchAll(/'([^']*\.\/pages\/[^']*)'/g)) {
    if (!glob.startsWith(start)) continue
    const rest = glob.slice(start.length)
    const folder = rest.endsWith(folderTail) ? rest.slice(0, -folderTail.length) : null
    const page = /^[a-z0-9_]+\.tsx$/.test(rest) ? rest.slice(0, -'.tsx'.length) : null
    if (folder && /^[a-z0-9_]+$/.test(folder)) named.folders.push(folder)
    else if (page) named.pages.push(page)
    else throw new Error(`inertia/${file} has a page glob of an unknown shape: "${glob}"`)
  }
  return named
}

/** GUEST_PAGE_FOLDERS and GUEST_PAGES, in the shape pageGlobs returns. */
function guestArea(): NamedPages {
  return {
    folders: GUEST_PAGE_FOLDERS.map((folder) => folder.replace(/\/$/, '')),
    pages: GUEST_PAGES,
  }
}

test.group('Guest pages | named alike in the three places', () => {
  test('app.tsx loads the folders and pages of GUEST_PAGE_FOLDERS and GUEST_PAGES', async ({
    assert,
  }) => {
    const loaded = await pageGlobs('app.tsx', '', '/**/*.tsx')

    assert.sameMembers(loaded.folders, guestArea().folders)
    assert.sameMembers(loaded.pages, guestArea().pages)
  })

  test('app_pages.ts takes every page but those folders and pages', async ({ assert }) => {
    const source = await readFile(app.makePath('inertia', 'app_pages.ts'), 'utf8')
    const left = await pageGlobs('app_pages.ts', '!', '/**')

    assert.include(source, "'./pages/**/*.tsx'")
    assert.sameMembers(left.folders, guestArea().folders)
    assert.sameMembers(left.pages, guestArea().pages)
  })

  test('every folder and top-level page of inertia/pages loads from one place only', async ({
    assert,
  }) => {
    const inApp = await pageGlobs('app.tsx', '', '/**/*.tsx')
    const leftOut = await pageGlobs('app_pages.ts', '!', '/**')
    const entries = await readdir(app.makePath('inertia', 'pages'), { withFileTypes: true })

    for (const entry of entries) {
      const kind = entry.isDirectory() ? 'folders' : 'pages'
      const name = entry.name.replace(/\.tsx$/, '')
      const component = entry.isDirectory() ? `${name}/index` : name
      const where = `inertia/pages/${entry.name}`
      const byApp = inApp[kind].includes(name)
      const byAppPages = !leftOut[kind].includes(name)
      assert.notEqual(
        byApp,
        byAppPages,
        `${where}: loaded by both app.tsx and app_pages.ts, or neither`
      )
      assert.equal(isGuestPage(component), byApp, `${where}: in app.tsx only if a guest page`)
    }
    const names = entries.map((entry) => entry.name.replace(/\.tsx$/, ''))
    for (const name of [...guestArea().folders, ...guestArea().pages]) {
      assert.include(names, name, `the guest area names "${name}", which inertia/pages lacks`)
    }
  })
})
