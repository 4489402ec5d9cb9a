import { test } from '@japa/runner'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import Comment from '#models/comment'
import { DateTime } from 'luxon'
import ProjectInvitation from '#models/project_invitation'
import testUtils from '@adonisjs/core/services/test_utils'
import { VISITORS, type ProjectCast, type Visitor, projectWithCast } from '#tests/helpers/projects'

/**
 * Every project route for every kind of visitor, with the expected answer:
 * a status, or "back" (302 to the form with a "not allowed" message), or "login".
 */
type Expected = number | 'back' | 'login'

/** Records a route needs beyond the cast (e.g. a comment), made before the request. */
type Extra = { commentId?: number; invitationId?: number }

type RouteCase = {
  name: string
  setup?: (cast: ProjectCast) => Promise<Extra>
  request: (client: ApiClient, cast: ProjectCast, extra: Extra) => ApiRequest
  expect: Record<Visitor, Expected>
}

/** An open invitation to the cast's project. */
async function openInvitation({ project, users }: ProjectCast): Promise<Extra> {
  const invitation = await ProjectInvitation.create({
    projectId: project.id,
    email: 'newcomer@example.com',
    role: 'viewer',
    tokenHash: 'a'.repeat(64),
    invitedById: users.owner.id,
    expiresAt: DateTime.now().plus({ days: 1 }),
  })
  return { invitationId: invitation.id }
}

/** A comment on the cast's task, written by its editor. */
async function editorComment({ task, users }: ProjectCast): Promise<Extra> {
  const comment = await Comment.create({ taskId: task.id, authorId: users.editor.id, body: 'Hi' })
  return { commentId: comment.id }
}

const READ = { owner: 200, editor: 200, viewer: 200, nonMember: 404, guest: 'login' } as const
const OWNER_PAGE = { owner: 200, editor: 403, viewer: 403, nonMember: 404, guest: 'login' } as const
const OWNER_WRITE = {
  owner: 302,
  editor: 'back',
  viewer: 'back',
  nonMember: 404,
  guest: 'login',
} as const

const EDITOR_WRITE = {
  owner: 302,
  editor: 302,
  viewer: 'back',
  nonMember: 404,
  guest: 'login',
} as const

const ROUTES: RouteCase[] = [
  {
    name: 'GET /projects',
    request: (client) => client.get('/projects'),
    expect: { owner: 200, editor: 200, viewer: 200, nonMember: 200, guest: 'login' },
  },
  {
    name: 'GET /projects/new',
    request: (client) => client.get('/projects/new'),
    expect: { owner: 200, editor: 200, viewer: 200, nonMember: 200, guest: 'login' },
  },
  {
    name: 'POST /projects',
    request: (client) => client.post('/projects').form({ name: 'Gemini' }),
    expect: { owner: 302, editor: 302, viewer: 302, nonMember: 302, guest: 'login' },
  },
  {
    name: 'GET /projects/:id',
    request: (c, { project }) => c.get(`/projects/${project.id}`),
    expect: READ,
  },
  {
    name: 'GET /projects/:id/settings',
    request: (c, { project }) => c.get(`/projects/${project.id}/settings`),
    expect: OWNER_PAGE,
  },
  {
    name: 'PUT /projects/:id',
    request: (c, { project }) => c.put(`/projects/${project.id}`).form({ name: 'Renamed' }),
    expect: OWNER_WRITE,
  },
  {
    name: 'POST /projects/:id/archive',
    request: (c, { project }) => c.post(`/projects/${project.id}/archive`),
    expect: OWNER_WRITE,
  },
  {
    name: 'DELETE /projects/:id',
    request: (c, { project }) =>
      c.delete(`/projects/${project.id}`).form({ confirmation: 'Apollo' }),
    expect: OWNER_WRITE,
  },
  {
    name: 'GET /projects/:id/members',
    request: (c, { project }) => c.get(`/projects/${project.id}/members`),
    expect: READ,
  },
  {
    name: 'POST /projects/:id/members',
    request: (c, { project, users }) =>
      c
        .post(`/projects/${project.id}/members`)
        .form({ email: users.nonMember.email, role: 'viewer' }),
    expect: OWNER_WRITE,
  },
  {
    name: 'PUT /projects/:id/members/:viewer',
    request: (c, { project, users }) =>
      c.put(`/projects/${project.id}/members/${users.viewer.id}`).form({ role: 'editor' }),
    expect: OWNER_WRITE,
  },
  {
    name: 'DELETE /projects/:id/members/:editor',
    request: (c, { project, users }) =>
      c.delete(`/projects/${project.id}/members/${users.editor.id}`),
    expect: { owner: 302, editor: 302, viewer: 'back', nonMember: 404, guest: 'login' },
  },
  {
    name: 'DELETE /projects/:id/invitations/:invitation',
    setup: openInvitation,
    request: (c, { project }, { invitationId }) =>
      c.delete(`/projects/${project.id}/invitations/${invitationId}`),
    expect: OWNER_WRITE,
  },
  {
    name: 'GET /projects/:id/tasks',
    request: (c, { project }) => c.get(`/projects/${project.id}/tasks`),
    expect: READ,
  },
  {
    name: 'POST /projects/:id/tasks',
    request: (c, { project }) =>
      c
        .post(`/projects/${project.id}/tasks`)
        .form({ title: 'Check fuel', status: 'todo', priority: 1 }),
    expect: EDITOR_WRITE,
  },
  {
    name: 'GET /projects/:id/tasks/:task',
    request: (c, { project, task }) => c.get(`/projects/${project.id}/tasks/${task.id}`),
    expect: READ,
  },
  {
    name: 'PUT /projects/:id/tasks/:task',
    request: (c, { project, task }) =>
      c
        .put(`/projects/${project.id}/tasks/${task.id}`)
        .json({ version: 1, title: 'Renamed', status: 'done', priority: 0 }),
    expect: EDITOR_WRITE,
  },
  {
    name: 'POST /projects/:id/tasks/:task/comments',
    request: (c, { project, task }) =>
      c.post(`/projects/${project.id}/tasks/${task.id}/comments`).form({ body: 'Noted' }),
    expect: EDITOR_WRITE,
  },
  {
    name: 'PUT /projects/:id/tasks/:task/comments/:editorComment',
    setup: editorComment,
    request: (c, { project, task }, { commentId }) =>
      c
        .put(`/projects/${project.id}/tasks/${task.id}/comments/${commentId}`)
        .form({ body: 'Edited' }),
    expect: { owner: 'back', editor: 302, viewer: 'back', nonMember: 404, guest: 'login' },
  },
  {
    name: 'DELETE /projects/:id/tasks/:task/comments/:editorComment',
    setup: editorComment,
    request: (c, { project, task }, { commentId }) =>
      c.delete(`/projects/${project.id}/tasks/${task.id}/comments/${commentId}`),
    expect: EDITOR_WRITE,
  },
  {
    name: 'GET /projects/:id/board',
    request: (c, { project }) => c.get(`/projects/${project.id}/board`),
    expect: READ,
  },
  {
    name: 'PATCH /projects/:id/board/tasks/:task',
    request: (c, { project, task }) =>
      c
        .patch(`/projects/${project.id}/board/tasks/${task.id}`)
        .form({ status: 'done', from: 'todo' }),
    expect: EDITOR_WRITE,
  },
  {
    name: 'GET /projects/:id/labels',
    request: (c, { project }) => c.get(`/projects/${project.id}/labels`),
    expect: READ,
  },
  {
    name: 'POST /projects/:id/labels',
    request: (c, { project }) =>
      c.post(`/projects/${project.id}/labels`).form({ name: 'urgent', color: '#ff0000' }),
    expect: EDITOR_WRITE,
  },
  {
    name: 'PUT /projects/:id/labels/:label',
    request: (c, { project, label }) =>
      c.put(`/projects/${project.id}/labels/${label.id}`).form({ name: 'later', color: '#00ff00' }),
    expect: EDITOR_WRITE,
  },
  {
    name: 'DELETE /projects/:id/labels/:label',
    request: (c, { project, label }) => c.delete(`/projects/${project.id}/labels/${label.id}`),
    expect: EDITOR_WRITE,
  },
]

test.group('Projects | access matrix', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const route of ROUTES) {
    for (const visitor of VISITORS) {
      const expected = route.expect[visitor]
      test(`${route.name} as ${visitor} answers ${expected}`, async ({ client, assert }) => {
        const cast = await projectWithCast()
        const extra = route.setup ? await route.setup(cast) : {}
        let request = route.request(client, cast, extra).withCsrfToken().redirects(0)
        if (visitor !== 'guest') request = request.loginAs(cast.users[visitor])

        const response = await request.header('referer', '/projects')

        if (expected === 'login') {
          response.assertStatus(302)
          response.assertHeader('location', '/login')
        } else if (expected === 'back') {
          response.assertStatus(302)
          response.assertHeader('location', '/projects')
          response.assertFlashMessage('error', 'You are not allowed to do this.')
        } else {
          response.assertStatus(expected)
          if (expected === 404) assert.include(response.text(), 'data-test="status-404"')
          if (expected === 403) assert.include(response.text(), 'data-test="status-403"')
        }
      })
    }
  }
})
