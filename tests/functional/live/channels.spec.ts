import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Task from '#models/task'
import Comment from '#models/comment'
import { DateTime } from 'luxon'
import { projectWithCast } from '#tests/helpers/projects'
import { LoggedInBrowser } from '#tests/helpers/form_login'
import { eventually } from '#tests/helpers/eventually'
import { LiveStream } from '#tests/helpers/live_stream'
import { testServerUrl } from '#tests/helpers/test_server'
import { clearRateLimits } from '#tests/helpers/accounts'
import { removeMember } from '#services/projects/project_membership'
import { SWEEP_EVERY_MS, sweepConnections } from '#live/live_sweep'
import { MAX_STREAMS_PER_USER, openConnections, streamCountOf } from '#live/live_connections'
import { createProject } from '#services/projects/projects'
import {
  type LiveChange,
  type LivePresence,
  TAB_HEADER,
  projectChannel,
  taskChannel,
} from '#shared/live'
import { runAsActor } from '#activity/actor'
import UserSession from '#models/user_session'
import { sha256 } from '#services/accounts/hashing'
import { WRITTEN_AT_KEY } from '#services/http/write_on_change_session'

/** Streams opened by a test are closed after it, as a browser closing its tabs. */
function closing(cleanup: (handler: () => void) => void, stream: LiveStream) {
  cleanup(() => stream.close())
  return stream
}

/** The cookies of a browser that logged in as `user` through the form. */
async function cookiesOf(user: Parameters<typeof LoggedInBrowser.as>[0]) {
  const browser = await LoggedInBrowser.as(user)
  return browser.cookies
}

const isChange = (payload: { type: string }) => payload.type === 'change'

test.group('Live | who may watch a channel', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(clearRateLimits)

  test('a member watches the project and a task of it', async ({ assert, cleanup }) => {
    const { project, task, users } = await projectWithCast()
    const browser = await LoggedInBrowser.as(users.viewer)
    const stream = closing(
      cleanup,
      await LiveStream.open(browser.cookies, [
        projectChannel(project.id),
        taskChannel(project.id, task.id),
      ])
    )

    assert.equal(stream.response.status, 200)
    assert.equal(stream.response.headers.get('content-type'), 'text/event-stream')
  })

  test('refuses a guest, an outsider, a foreign task and another user’s channel', async ({
    assert,
  }) => {
    const { project, task, users } = await projectWithCast()
    const other = await createProject(users.nonMember, { name: 'Gemini', description: '' })
    const foreignTask = await Task.create({
      projectId: other.id,
      title: 'Elsewhere',
      status: 'todo',
      priority: 1,
      version: 1,
    })
    const member = await LoggedInBrowser.as(users.viewer)
    const outsider = await LoggedInBrowser.as(users.nonMember)

    const guest = await fetch(testServerUrl(`/live?channels=${projectChannel(project.id)}`), {
      headers: { accept: 'text/event-stream' },
    })
    assert.equal(guest.status, 401)

    const refused = [
      [outsider, [projectChannel(project.id)]],
      [outsider, [taskChannel(project.id, task.id)]],
      [member, [taskChannel(project.id, foreignTask.id)]],
      [member, [projectChannel(project.id), projectChannel(other.id)]],
      [member, [`users/${users.owner.id}`]],
    ] as const
    for (const [browser, channels] of refused) {
      const stream = await LiveStream.open(browser.cookies, [...channels])
      assert.equal(stream.response.status, 404, channels.join(','))
      assert.isTrue(stream.ended)
    }
  })

  test('refuses channels that do not exist and a presence outside its channels', async ({
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const browser = await LoggedInBrowser.as(users.owner)
    for (const channels of [['projects/007'], ['projects/1/admin'], ['tasks/1'], ['']]) {
      const stream = await LiveStream.open(browser.cookies, channels)
      assert.equal(stream.response.status, 422, channels.join(','))
    }
    const stream = await LiveStream.open(browser.cookies, [projectChannel(project.id)], {
      presence: 'projects/999',
    })
    assert.equal(stream.response.status, 422)
  })

  test('one user holds at most so many streams; closing one makes room', async ({
    assert,
    cleanup,
  }) => {
    const { project, users } = await projectWithCast()
    const cookies = await cookiesOf(users.viewer)
    const channels = [projectChannel(project.id)]
    const open: LiveStream[] = []
    cleanup(() => open.forEach((stream) => stream.close()))
    for (let index = 0; index < MAX_STREAMS_PER_USER; index++) {
      open.push(await LiveStream.open(cookies, channels))
    }
    assert.deepEqual([...new Set(open.map((stream) => stream.response.status))], [200])

    const refused = await LiveStream.open(cookies, channels)
    assert.equal(refused.response.status, 429)
    const someoneElse = await LiveStream.open(await cookiesOf(users.editor), channels)
    open.push(someoneElse)
    assert.equal(someoneElse.response.status, 200)

    open[0].close()
    await eventually(
      'room for another stream',
      () => streamCountOf(users.viewer.id) < MAX_STREAMS_PER_USER,
      {
        timeoutMs: 5000,
        everyMs: 20,
      }
    )
    const again = await LiveStream.open(cookies, channels)
    open.push(again)
    assert.equal(again.response.status, 200)
  })

  test('asked for JSON, answers whether the stream would open without opening it', async ({
    assert,
  }) => {
    const { project, users } = await projectWithCast()
    const member = await LoggedInBrowser.as(users.viewer)
    const outsider = await LoggedInBrowser.as(users.nonMember)
    const url = testServerUrl(`/live?channels=${projectChannel(project.id)}`)
    const probe = async (cookie: string) => {
      const response = await fetch(url, { headers: { cookie, accept: 'application/json' } })
      return response.status
    }

    assert.equal(await probe(member.cookies.cookieHeader), 204)
    assert.equal(await probe(outsider.cookies.cookieHeader), 404)
    assert.equal(await probe(''), 401)
    assert.lengthOf(openConnections(), 0)
  })
})

test.group('Live | what a stream carries', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(clearRateLimits)

  test('a task changed by someone else: its id, fields and version, never its values', async ({
    assert,
    cleanup,
  }) => {
    const { project, task, users } = await projectWithCast()
    const browser = await LoggedInBrowser.as(users.viewer)
    const stream = closing(
      cleanup,
      await LiveStream.open(browser.cookies, [
        projectChannel(project.id),
        taskChannel(project.id, task.id),
      ])
    )

    await runAsActor(users.editor.id, async () => {
      task.merge({ title: 'Secret new title', status: 'in_progress' })
      await task.save()
    })

    const expected: LiveChange = {
      type: 'change',
      subject: 'task',
      id: String(task.id),
      action: 'updated',
      fields: ['title', 'status'],
      actorId: users.editor.id,
      taskId: task.id,
      version: 2,
      tab: null,
    }
    assert.deepEqual(await stream.next(projectChannel(project.id), isChange), expected)
    assert.deepEqual(await stream.next(taskChannel(project.id, task.id), isChange), expected)
    assert.notInclude(JSON.stringify(stream.messages), 'Secret')
  })

  test('a comment reaches its task’s channel and the project’s', async ({ assert, cleanup }) => {
    const { project, task, users } = await projectWithCast()
    const browser = await LoggedInBrowser.as(users.viewer)
    const channel = taskChannel(project.id, task.id)
    const stream = closing(cleanup, await LiveStream.open(browser.cookies, [channel]))

    const comment = await runAsActor(users.editor.id, () =>
      Comment.create({ taskId: task.id, authorId: users.editor.id, body: 'Looks good' })
    )

    assert.deepEqual(await stream.next(channel, isChange), {
      type: 'change',
      subject: 'comment',
      id: String(comment.id),
      action: 'created',
      fields: [],
      actorId: users.editor.id,
      taskId: task.id,
      version: null,
      tab: null,
    })
  })

  test('a change made from a browser tab carries a hash of the tab’s id, never the id', async ({
    assert,
    cleanup,
  }) => {
    const { project, task, users } = await projectWithCast()
    const watcher = await LoggedInBrowser.as(users.viewer)
    const channel = taskChannel(project.id, task.id)
    const stream = closing(cleanup, await LiveStream.open(watcher.cookies, [channel]))
    const writer = await LoggedInBrowser.as(users.editor)
    await writer.visit(`/projects/${project.id}/tasks/${task.id}`)
    const commentsUrl = testServerUrl(`/projects/${project.id}/tasks/${task.id}/comments`)
    const tab = 'k2Vq9bX4TnR7yLp0Wc3ZaA'

    const sent = await writer.cookies.post(
      commentsUrl,
      { body: 'From my tab' },
      { [TAB_HEADER]: tab }
    )
    assert.equal(sent.status, 302)
    const fromTab = (await stream.next(channel, isChange)) as LiveChange
    assert.equal(fromTab.tab, sha256(tab))
    assert.notInclude(JSON.stringify(fromTab), tab)

    // A name that is not a tab's id is ignored: the change is told as from nowhere in particular.
    await writer.cookies.post(commentsUrl, { body: 'From a stranger' }, { [TAB_HEADER]: 'short' })
    const fromNowhere = (await stream.next(channel, isChange)) as LiveChange
    assert.equal(fromNowhere.subject, 'comment')
    assert.notEqual(fromNowhere.id, fromTab.id)
    assert.isNull(fromNowhere.tab)
  })

  test('a page that read its props before the latest change is told once to reload them', async ({
    assert,
    cleanup,
  }) => {
    const { project, task, users } = await projectWithCast()
    const cookies = await cookiesOf(users.viewer)
    const channel = projectChannel(project.id)
    const readBefore = DateTime.now().minus({ minutes: 1 }).toMillis()
    const readAfter = DateTime.now().plus({ seconds: 5 }).toMillis()

    const behind = closing(
      cleanup,
      await LiveStream.open(cookies, [channel], { since: readBefore })
    )
    const upToDate = closing(
      cleanup,
      await LiveStream.open(cookies, [channel], { since: readAfter })
    )

    assert.deepEqual(await behind.next('$live'), { type: 'stale' })
    task.priority = 2
    await task.save()
    await upToDate.next(channel, isChange)
    assert.notExists(upToDate.messages.find((message) => message.channel === '$live'))
  })

  test('a change rolled back is never announced', async ({ assert, cleanup }) => {
    const { project, task, users } = await projectWithCast()
    const browser = await LoggedInBrowser.as(users.viewer)
    const channel = projectChannel(project.id)
    const stream = closing(cleanup, await LiveStream.open(browser.cookies, [channel]))

    await assert.rejects(() =>
      db.transaction(async (trx) => {
        task.useTransaction(trx)
        task.title = 'Never saved'
        await task.save()
        throw new Error('changed my mind')
      })
    )
    await db.transaction(async (trx) => {
      const later = await Task.findOrFail(task.id, { client: trx })
      later.priority = 3
      await later.save()
    })

    const change = (await stream.next(channel, isChange)) as LiveChange
    assert.deepEqual(change.fields, ['priority'])
    assert.notExists(stream.messages.find((m) => m.payload.type === 'change'))
  })
})

test.group('Live | streams end when access does', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(clearRateLimits)

  test('a member removed from the project stops receiving', async ({ assert, cleanup }) => {
    const { project, task, users } = await projectWithCast()
    const browser = await LoggedInBrowser.as(users.viewer)
    const channel = projectChannel(project.id)
    const stream = closing(cleanup, await LiveStream.open(browser.cookies, [channel]))
    const bystander = closing(
      cleanup,
      await LiveStream.open(await cookiesOf(users.editor), [channel])
    )

    await removeMember(project, users.viewer)
    await sweepConnections()

    await stream.end()
    assert.deepEqual(stream.messages.at(-1), { channel: '$live', payload: { type: 'ended' } })
    task.title = 'After the removal'
    await task.save()
    await bystander.next(channel, (p) => isChange(p) && (p as LiveChange).subject === 'task')
    assert.notExists(stream.messages.find((m) => (m.payload as LiveChange).subject === 'task'))
    const reopened = await LiveStream.open(browser.cookies, [channel])
    assert.equal(reopened.response.status, 404)
  })

  test('a deactivated account stops receiving, by the check each process runs on its own', async ({
    cleanup,
  }) => {
    const { project, users } = await projectWithCast()
    const browser = await LoggedInBrowser.as(users.editor)
    const stream = closing(
      cleanup,
      await LiveStream.open(browser.cookies, [projectChannel(project.id)])
    )

    users.editor.isActive = false
    await users.editor.save()

    // No sweep called here: the live provider's timer (every SWEEP_EVERY_MS) ends the stream.
    await stream.until(() => stream.ended, 'the timer to end the stream', SWEEP_EVERY_MS + 3000)
  })

  test('logging out ends the streams of that session only', async ({ assert, cleanup }) => {
    const { project, users } = await projectWithCast()
    const channel = projectChannel(project.id)
    const leaving = await LoggedInBrowser.as(users.editor)
    const staying = await LoggedInBrowser.as(users.editor)
    const ended = closing(cleanup, await LiveStream.open(leaving.cookies, [channel]))
    const kept = closing(cleanup, await LiveStream.open(staying.cookies, [channel]))

    await leaving.cookies.post(testServerUrl('/logout'), {})
    await sweepConnections()

    await ended.end()
    assert.isFalse(kept.ended)
  })

  test('a stream ends when its session expires, and opening it does not renew the session', async ({
    assert,
    cleanup,
  }) => {
    const { project, users } = await projectWithCast()
    const browser = await LoggedInBrowser.as(users.owner)
    const stream = closing(
      cleanup,
      await LiveStream.open(browser.cookies, [projectChannel(project.id)])
    )
    assert.deepEqual(stream.response.headers.getSetCookie(), [])

    await sweepConnections(DateTime.now().plus({ hours: 1 }).toMillis())
    assert.isFalse(stream.ended)
    await sweepConnections(DateTime.now().plus({ hours: 2, minutes: 1 }).toMillis())
    await stream.end()
  })
})

test.group('Live | the session', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('following a page does not renew an idle session, a visit does', async ({ client }) => {
    const { project, users } = await projectWithCast()
    const key = 'live-session-key'
    await UserSession.create({
      userId: users.viewer.id,
      keyHash: sha256(key),
      lastSeenAt: DateTime.now(),
    })
    // Written 31 minutes ago: a quarter of the session's age has passed, a renewal is due.
    const session = {
      'auth_web': users.viewer.id,
      'session_key': key,
      'csrf-secret': 'a-secret',
      [WRITTEN_AT_KEY]: Date.now() - 31 * 60_000,
    }

    const live = await client
      .get(`/live?channels=${projectChannel(project.id)}`)
      .header('accept', 'application/json')
      .withSession(session)
    const visit = await client.get('/dashboard').withSession(session)

    live.assertStatus(204)
    live.assertCookieMissing('atrium-session')
    visit.assertStatus(200)
    visit.assertCookie('atrium-session')
  })
})

test.group('Live | presence', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(clearRateLimits)

  test('viewers of a page see each other come and go', async ({ assert, cleanup }) => {
    const { project, users } = await projectWithCast()
    const channel = projectChannel(project.id)
    const grace = closing(
      cleanup,
      await LiveStream.open(await cookiesOf(users.owner), [channel], { presence: channel })
    )
    const names = (payload: LivePresence) => payload.viewers.map((viewer) => viewer.id)
    const presence = (ids: number[]) => (p: { type: string }) =>
      p.type === 'presence' && names(p as LivePresence).join() === ids.join()

    const sorted = (ids: number[]) =>
      ids
        .map((id) => [users.owner, users.editor].find((user) => user.id === id)!)
        .sort((a, b) => a.fullName.localeCompare(b.fullName))
        .map((user) => user.id)
    await grace.next(channel, presence([users.owner.id]))

    const alan = await LiveStream.open(await cookiesOf(users.editor), [channel], {
      presence: channel,
    })
    const both = (await grace.next(
      channel,
      presence(sorted([users.owner.id, users.editor.id]))
    )) as LivePresence
    assert.equal(both.total, 2)
    assert.deepEqual(
      both.viewers.find((viewer) => viewer.id === users.editor.id),
      {
        id: users.editor.id,
        name: users.editor.fullName,
        initials: users.editor.initials,
      }
    )

    alan.close()
    await grace.next(channel, presence([users.owner.id]))
  })

  test('a viewer whose process stopped renewing disappears when the entry expires', async ({
    cleanup,
  }) => {
    const { project, users } = await projectWithCast()
    const channel = projectChannel(project.id)
    const watcher = closing(
      cleanup,
      await LiveStream.open(await cookiesOf(users.owner), [channel], { presence: channel })
    )
    await watcher.next(channel, (p) => p.type === 'presence')
    const { presenceStore } = await import('#live/presence_store')
    await presenceStore.put(
      channel,
      [JSON.stringify(['gone', { id: 0, name: 'Gone', initials: 'G' }])],
      Date.now() + 1000
    )
    const { announcePresence } = await import('#live/live_presence')
    await announcePresence(channel)
    await watcher.next(
      channel,
      (p) => p.type === 'presence' && (p as LivePresence).viewers.some((v) => v.name === 'Gone')
    )

    await sweepConnections(Date.now() + 2000)
    await watcher.next(
      channel,
      (p) => p.type === 'presence' && (p as LivePresence).viewers.every((v) => v.name !== 'Gone')
    )
  })
})
