import { test } from '@japa/runner'
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Edge } from 'edge.js'
import { listEdgeComponentsOnce } from '#services/http/edge_components'

/** Counts the checks of a views folder's `components` folder while `run` renders. */
async function componentsFolderChecks(views: string, run: () => Promise<void>): Promise<number> {
  const existsSync = fs.existsSync
  let checks = 0
  fs.existsSync = (path) => {
    if (String(path) === join(views, 'components')) checks++
    return existsSync(path)
  }
  syncBuiltinESMExports()
  try {
    await run()
  } finally {
    fs.existsSync = existsSync
    syncBuiltinESMExports()
  }
  return checks
}

/** An Edge instance set up as the framework sets up its own: created, mounted, then cached. */
function cachedEdge(views: string): Edge {
  const edge = Edge.create()
  edge.mount(views)
  edge.configure({ cache: true })
  return edge
}

test.group('listEdgeComponentsOnce', (group) => {
  let views: string
  group.each.setup(async () => {
    views = await mkdtemp(join(tmpdir(), 'atrium-views-'))
    await mkdir(join(views, 'components'))
    await writeFile(join(views, 'components', 'badge.edge'), '<b>{{ text }}</b>')
    await writeFile(join(views, 'page.edge'), '@!badge({ text: name })')
    return () => rm(views, { recursive: true, force: true })
  })

  test('lists the components folder once for many renders', async ({ assert }) => {
    const edge = cachedEdge(views)
    listEdgeComponentsOnce(edge)
    const html: string[] = []

    const checks = await componentsFolderChecks(views, async () => {
      for (const name of ['Ada', 'Grace', 'Edsger']) html.push(await edge.render('page', { name }))
    })

    assert.equal(checks, 1)
    assert.deepEqual(html, ['<b>Ada</b>', '<b>Grace</b>', '<b>Edsger</b>'])
  })

  test('without it, the framework lists the folder before every render', async ({ assert }) => {
    const edge = cachedEdge(views)

    const checks = await componentsFolderChecks(views, async () => {
      for (const name of ['Ada', 'Grace', 'Edsger']) await edge.render('page', { name })
    })

    assert.equal(checks, 3)
  })
})
