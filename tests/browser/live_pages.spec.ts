/// <reference lib="dom" />
import { test } from '@japa/runner'
import type { Browser, BrowserContext, Page, Route } from 'playwright'
import { DateTime } from 'luxon'
import type User from '#models/user'
import testUtils from '@adonisjs/core/services/test_utils'
import { projectWithCast, quietProject } from '#tests/helpers/projects'
import { eventually } from '#tests/helpers/eventually'
import Comment from '#models/comment'
import Task from '#models/task'
import { runAsActor } from '#activity/actor'
import { endAllConnections } from '#live/live_connections'
import { addMember } from '#services/projects/project_membership'
import { createProject } from '#services/projects/projects'

const card = (title: string) => `[data-test="board-card"]:has-text("${title}")`
const inColumn = (status: string, title: string) =>
  `[data-test="board-column-${status}"] ${card(title)}`

/** Waits until the page follows live changes (its stream is open). */
async function followingLive(page: Page) {
  await page.locator('[data-test="live-status"][data-status="live"]').waitFor({ state: 'attached' })
}

/** Another tab of the same browser, open at `path` and following its live changes. */
async function otherTab(context: BrowserContext, path: string) {
  const page = await context.newPage()
  await page.goto(path)
  await followingLive(page)
  return page
}

/** A second person at another computer: their own browser context, logged in as `user`. */
async function secondPerson(browser: Browser, user: User) {
  const context = await browser.newContext({
    baseURL: `http://${process.env.HOST}:${process.env.PORT}`,
  })
  await context.loginAs(user)
  return context
}

test.group('Live pages | two people at once', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a card one person moves moves on the other’s board, who sees them there', async ({
    visit,
    browser,
    browserContext,
    cleanup,
  }) => {
    const { project, users } = await projectWithCast()
    await browserContext.loginAs(users.viewer)
    const watching = await visit(`/projects/${project.id}/board`)
    await watching.assertVisible(inColumn('todo', 'Check the fuel'))
    await followingLive(watching)

    const other = await secondPerson(browser, users.editor)
    cleanup(() => other.close())
    const moving = await other.newPage()
    await moving.goto(`/projects/${project.id}/board`)
    await followingLive(moving)

    // Each sees the other among the viewers; then the editor moves the card with its menu.
    await watching.assertTextContains('[data-test="live-viewers"]', users.editor.fullName)
    await moving.getByLabel('Move "Check the fuel" to').selectOption('done')

    await watching.assertVisible(inColumn('done', 'Check the fuel'))
    await watching.assertText('[data-test="board-column-done"] [data-test="column-count"]', '1')
    await watching.assertText('[data-test="board-column-todo"] [data-test="column-count"]', '0')

    // The editor leaves: they are no longer shown among the viewers.
    await moving.close()
    await watching.assertNotExists('[data-test="live-viewers"]')
  })

  test('a comment one person writes appears on the other’s task page', async ({
    visit,
    browser,
    browserContext,
    cleanup,
  }) => {
    const { project, users, task } = await projectWithCast()
    await browserContext.loginAs(users.viewer)
    const reading = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await reading.assertTextContains('h1', 'Check the fuel')
    await followingLive(reading)

    const other = await secondPerson(browser, users.editor)
    cleanup(() => other.close())
    const writing = await other.newPage()
    await writing.goto(`/projects/${project.id}/tasks/${task.id}`)
    await writing.getByLabel('Add a comment').fill('Fuel checked, all green')
    await writing.getByRole('button', { name: 'Comment', exact: true }).click()

    await reading.assertTextContains('[data-test="comment"]', 'Fuel checked, all green')
    await reading.assertTextContains('[data-test="live-viewers"]', users.editor.fullName)
  })

  test('a comment another person edits or deletes changes on the reader’s page', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task } = await projectWithCast()
    const aMinuteAgo = DateTime.now().minus({ minutes: 1 })
    const comment = await runAsActor(users.editor.id, () =>
      Comment.create({
        taskId: task.id,
        authorId: users.editor.id,
        body: 'Fuel checked',
        createdAt: aMinuteAgo,
        updatedAt: aMinuteAgo,
      })
    )
    await quietProject(project)
    await browserContext.loginAs(users.viewer)
    const page = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await page.assertTextContains('[data-test="comment"]', 'Fuel checked')
    await followingLive(page)

    await runAsActor(users.editor.id, async () => {
      comment.body = 'Fuel checked twice'
      await comment.save()
    })
    await page.assertTextContains('[data-test="comment"]', 'Fuel checked twice')
    await page.assertTextContains('[data-test="comment"]', 'edited')

    await runAsActor(users.editor.id, () => comment.delete())
    await page.assertNotExists('[data-test="comment"]')
  })

  test('edits by another while editing are named, kept, and saving goes through the conflict screen', async ({
    visit,
    browser,
    browserContext,
    cleanup,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    await browserContext.loginAs(users.owner)
    const editing = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await followingLive(editing)
    await editing.getByRole('button', { name: 'Edit task' }).click()
    await editing.getByLabel('Title').fill('Check the oxygen')

    const other = await secondPerson(browser, users.editor)
    cleanup(() => other.close())
    const saving = await other.newPage()
    await saving.goto(`/projects/${project.id}/tasks/${task.id}`)
    await saving.getByRole('button', { name: 'Edit task' }).click()
    await saving.getByLabel('Title').fill('Check the fuel twice')
    await saving.getByRole('button', { name: 'Save' }).click()
    await saving.assertNotExists('[data-test="task-edit-form"]')

    await editing.assertTextContains(
      '[data-test="task-changed-notice"]',
      `${users.editor.fullName} changed the title.`
    )
    await editing.assertInputValue('#title', 'Check the oxygen')
    await editing.getByRole('button', { name: 'Save' }).click()
    await editing.assertVisible('[data-test="conflict"]')
    await task.refresh()
    assert.equal(task.title, 'Check the fuel twice')
  })

  test('a change heard while the person’s save is on its way is reloaded after it, never over it', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task } = await projectWithCast()
    await quietProject(project)
    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await followingLive(page)
    await page.getByRole('button', { name: 'Edit task' }).click()
    await page.getByLabel('Title').fill('Check the fuel twice')

    // The save and any reload are held on their way, as on a slow network.
    const taskUrl = `**/projects/${project.id}/tasks/${task.id}`
    const heldSave: Route[] = []
    const heldReloads: Route[] = []
    let holding = true
    await page.route(taskUrl, (route) => {
      const request = route.request()
      if (!holding) return route.continue()
      if (request.method() === 'PUT') heldSave.push(route)
      else if (request.headers()['x-inertia-partial-data']) heldReloads.push(route)
      else return route.continue()
    })
    await page.getByRole('button', { name: 'Save' }).click()
    await eventually('the save to be on its way', () => heldSave.length === 1)

    // Meanwhile the owner comments, and the page hears of it.
    await runAsActor(users.owner.id, () =>
      Comment.create({ taskId: task.id, authorId: users.owner.id, body: 'Fuel is low' })
    )
    await page.waitForTimeout(500)

    // A reload sent now would read the task before the save and answer after it.
    const readBeforeTheSave = await Promise.all(heldReloads.map((reload) => reload.fetch()))
    holding = false
    await heldSave[0].continue()
    await page.assertText('h1', 'Check the fuel twice')
    await Promise.all(
      heldReloads.map((reload, n) => reload.fulfill({ response: readBeforeTheSave[n] }))
    )

    await page.assertTextContains('[data-test="comment"]', 'Fuel is low')
    await page.waitForTimeout(500)
    await page.assertText('h1', 'Check the fuel twice')
  })

  test('the toast of one’s own save stays while another’s change reloads the page', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task } = await projectWithCast()
    await quietProject(project)
    await browserContext.loginAs(users.owner)
    const page = await visit(`/projects/${project.id}/tasks/${task.id}`)
    await followingLive(page)
    await page.getByRole('button', { name: 'Edit task' }).click()
    await page.getByLabel('Title').fill('Check the oxygen')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.assertTextContains('[data-test="toast-success"]', 'Task saved.')

    // Someone raises the priority: the page reloads its task, which brings no flash message.
    await runAsActor(users.editor.id, async () => {
      await task.refresh()
      task.priority = 3
      await task.save()
    })
    await page.assertText('[data-test="task-priority"]', 'High')
    await page.assertTextContains('[data-test="toast-success"]', 'Task saved.')
  })
})

test.group('Live pages | the dashboard and coming back', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the dashboard’s counts follow a move, and a project the user joins appears', async ({
    visit,
    browserContext,
  }) => {
    const { users, task } = await projectWithCast()
    await browserContext.loginAs(users.viewer)
    const page = await visit('/dashboard')
    const apollo = '[data-test="dashboard-projects"] li:has-text("Apollo")'
    await page.assertTextContains(apollo, '1 to do · 0 in progress · 0 done')
    await followingLive(page)

    await runAsActor(users.editor.id, async () => {
      task.status = 'done'
      await task.save()
    })
    await page.assertTextContains(apollo, '0 to do · 0 in progress · 1 done')

    const gemini = await createProject(users.owner, { name: 'Gemini', description: '' })
    await addMember(gemini, users.viewer, 'viewer')
    await page.assertVisible('[data-test="dashboard-projects"] li:has-text("Gemini")')
  })

  test('a change during a drag waits for the drop, so the drag is not disturbed', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task } = await projectWithCast()
    await quietProject(project)
    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/board`)
    await page.assertVisible(inColumn('todo', 'Check the fuel'))
    await followingLive(page)

    const watcher = await otherTab(browserContext, `/projects/${project.id}/board`)

    await page.locator('[data-test="board"]').dispatchEvent('dragstart')
    await runAsActor(users.owner.id, async () => {
      task.status = 'done'
      await task.save()
    })
    // The board hears of the move, as the other tab does, but keeps its cards during the drag.
    await watcher.assertVisible(inColumn('done', 'Check the fuel'))
    await page.assertVisible(inColumn('todo', 'Check the fuel'))

    await page.locator('[data-test="board"]').dispatchEvent('dragend')
    await page.assertVisible(inColumn('done', 'Check the fuel'))
  })

  test('a reload already on its way when a drag begins is called off and made after the drop', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task } = await projectWithCast()
    await quietProject(project)
    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/board`)
    await followingLive(page)

    // The board's reloads are held on their way, as on a slow network.
    const board = `**/projects/${project.id}/board`
    const held: Route[] = []
    await page.route(board, (route) =>
      route.request().headers()['x-inertia-partial-data'] ? held.push(route) : route.continue()
    )
    await runAsActor(users.owner.id, async () => {
      task.status = 'done'
      await task.save()
    })
    await eventually('the board to ask for its cards again', () => held.length === 1)

    // A drag begins while that reload is on its way: the reload must not land under the pointer.
    await page.locator('[data-test="board"]').dispatchEvent('dragstart')
    await page.unroute(board)
    // A request the board called off has nothing left to send on.
    await Promise.all(held.map((route) => route.continue().catch(() => {})))
    await page.waitForTimeout(1000)
    await page.assertVisible(inColumn('todo', 'Check the fuel'))

    await page.locator('[data-test="board"]').dispatchEvent('dragend')
    await page.assertVisible(inColumn('done', 'Check the fuel'))
  })

  test('a tab does not reload after its own change, and still does after another’s', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    await quietProject(project)
    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/board`)
    await followingLive(page)
    const reloads: string[] = []
    page.on('request', (request) => {
      if (request.headers()['x-inertia-partial-data']) reloads.push(request.url())
    })

    const watcher = await otherTab(browserContext, `/projects/${project.id}/board`)

    // The move's own response shows the card moved: its change coming back reloads nothing,
    // while the person's other tab reloads.
    await page.getByLabel('Move "Check the fuel" to').selectOption('done')
    await page.assertVisible(inColumn('done', 'Check the fuel'))
    await watcher.assertVisible(inColumn('done', 'Check the fuel'))
    await page.waitForTimeout(200)
    assert.deepEqual(reloads, [])

    await runAsActor(users.owner.id, async () => {
      await task.refresh()
      task.status = 'in_progress'
      await task.save()
    })
    await page.assertVisible(inColumn('in_progress', 'Check the fuel'))
    assert.lengthOf(reloads, 1)
  })

  test('a tab’s own change whose answer was lost still shows, through the live stream', async ({
    visit,
    browserContext,
  }) => {
    const { project, users } = await projectWithCast()
    await quietProject(project)
    await browserContext.loginAs(users.editor)
    const page = await visit(`/projects/${project.id}/board`)
    await followingLive(page)

    // The move reaches the server and is saved, but its answer is lost on the way back.
    await page.route('**/board/tasks/*', async (route) => {
      await route.fetch({ maxRedirects: 0 })
      await page.waitForTimeout(500)
      await route.abort('connectionreset')
    })
    await page.getByLabel('Move "Check the fuel" to').selectOption('done')
    await page.assertVisible('[data-test="board-problem"]')

    // The board put the card back, then its own change, heard meanwhile, shows where it is.
    await page.assertVisible(inColumn('done', 'Check the fuel'))
  })

  test('a live reload keeps the board where it was scrolled', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { project, users, task } = await projectWithCast()
    for (let part = 1; part <= 12; part++) {
      await Task.create({
        projectId: project.id,
        title: `Spare part ${part}`,
        status: 'todo',
        priority: 1,
        version: 1,
      })
    }
    await quietProject(project)
    await browserContext.loginAs(users.viewer)
    const page = await visit(`/projects/${project.id}/board`)
    await page.setViewportSize({ width: 1024, height: 480 })
    await followingLive(page)
    await page.evaluate(() => window.scrollTo(0, 300))
    assert.equal(await page.evaluate(() => window.scrollY), 300)

    await runAsActor(users.owner.id, async () => {
      task.status = 'done'
      await task.save()
    })
    await page.assertVisible(inColumn('done', 'Check the fuel'))
    assert.equal(await page.evaluate(() => window.scrollY), 300)
  })

  test('after the server ends the stream, the board comes back and shows what it missed', async ({
    visit,
    browserContext,
  }) => {
    const { project, users, task } = await projectWithCast()
    await browserContext.loginAs(users.viewer)
    const page = await visit(`/projects/${project.id}/board`)
    await page.assertVisible(inColumn('todo', 'Check the fuel'))
    await followingLive(page)

    // As a server restart does: every stream ends, and a change is made before any comes back.
    await endAllConnections()
    task.status = 'in_progress'
    await task.save()

    await page.assertVisible(inColumn('in_progress', 'Check the fuel'))
    await page.assertText('[data-test="board-column-todo"] [data-test="column-count"]', '0')
  })
})
