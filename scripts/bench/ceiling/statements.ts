import type { Statement } from './database.ts'

/*
 * Every statement the ceiling runs, written once. Each has a stable name: PostgreSQL parses and
 * plans it once per connection, SQLite prepares it once per worker.
 */

const CARD_COLUMNS = `select t.id, t.project_id, t.title, t.status, t.priority, t.version, t.due_on,
  t.updated_at, t.assignee_id, u.full_name as assignee_name
  from tasks t left join users u on u.id = t.assignee_id`

/** The user of a session cookie, if that session still has its row (not ended elsewhere). */
export const SESSION_USER: Statement = {
  name: 'ceiling_session_user',
  sql: `select u.id, u.full_name, u.email, u.time_zone, u.is_active, u.is_staff, u.is_superuser,
    u.email_verified_at from users u join user_sessions s on s.user_id = u.id
    where u.id = ? and s.key_hash = ?`,
}

/** A project and the viewer's role in it. */
export const PROJECT_ACCESS: Statement = {
  name: 'ceiling_project_access',
  sql: `select p.id, p.name, p.description, p.archived_at, (select pm.role from project_members pm
    where pm.project_id = p.id and pm.user_id = ?) as viewer_role from projects p where p.id = ?`,
}

export const COUNT_TASKS: Statement = {
  name: 'ceiling_count_tasks',
  sql: 'select count(*) as total from tasks where project_id = ?',
}

export const COUNT_TASKS_IN_STATUS: Statement = {
  name: 'ceiling_count_tasks_in_status',
  sql: 'select count(*) as total from tasks where project_id = ? and status = ?',
}

/** A page of a project's task cards, newest first. */
export const TASK_PAGE: Statement = {
  name: 'ceiling_task_page',
  sql: `${CARD_COLUMNS} where t.project_id = ?
    order by t.updated_at desc, t.id desc limit ? offset ?`,
}

export const TASK_PAGE_IN_STATUS: Statement = {
  name: 'ceiling_task_page_in_status',
  sql: `${CARD_COLUMNS} where t.project_id = ? and t.status = ?
    order by t.updated_at desc, t.id desc limit ? offset ?`,
}

/** The labels of a list of tasks, by name. */
export const CARD_LABELS: Statement = {
  name: 'ceiling_card_labels',
  sql: `select tl.task_id, l.id, l.name, l.color from task_labels tl
    join labels l on l.id = tl.label_id
    where tl.task_id in (select value from json_each(?)) order by l.name`,
  pg: `select tl.task_id, l.id, l.name, l.color from task_labels tl
    join labels l on l.id = tl.label_id where tl.task_id = any(?) order by l.name`,
}

export const PROJECT_MEMBERS: Statement = {
  name: 'ceiling_project_members',
  sql: `select u.id, u.full_name from users u join project_members pm on pm.user_id = u.id
    where pm.project_id = ? order by u.full_name`,
}

export const PROJECT_LABELS: Statement = {
  name: 'ceiling_project_labels',
  sql: 'select id, name, color from labels where project_id = ? order by name',
}

/** A task of a project with its assignee's name. */
export const PROJECT_TASK: Statement = {
  name: 'ceiling_project_task',
  sql: `select t.*, u.full_name as assignee_name from tasks t
    left join users u on u.id = t.assignee_id where t.project_id = ? and t.id = ?`,
}

export const TASK_LABEL_IDS: Statement = {
  name: 'ceiling_task_label_ids',
  sql: 'select label_id from task_labels where task_id = ? order by label_id',
}

/** A task's latest 50 activity entries with their authors' names. */
export const TASK_HISTORY: Statement = {
  name: 'ceiling_task_history',
  sql: `select a.id, a.action, a.created_at, a.changes, u.full_name as actor_name
    from activities a left join users u on u.id = a.actor_id
    where a.subject_type = 'task' and a.subject_id = ? order by a.id desc limit 50`,
}

/** A task's latest 20 comments, newest first, with their authors' names. */
export const LATEST_COMMENTS: Statement = {
  name: 'ceiling_latest_comments',
  sql: `select c.id, c.body, c.author_id, c.created_at, c.updated_at, u.full_name as author_name
    from comments c join users u on u.id = c.author_id where c.task_id = ?
    order by c.created_at desc, c.id desc limit 20`,
}

export const COUNT_COMMENTS: Statement = {
  name: 'ceiling_count_comments',
  sql: 'select count(*) as total from comments where task_id = ?',
}

export const MEMBER_IDS: Statement = {
  name: 'ceiling_member_ids',
  sql: 'select user_id from project_members where project_id = ?',
}

export const LABEL_IDS: Statement = {
  name: 'ceiling_label_ids',
  sql: 'select id from labels where project_id = ?',
}

export const INSERT_TASK: Statement = {
  name: 'ceiling_insert_task',
  sql: `insert into tasks (project_id, title, description, status, priority, assignee_id, due_on,
    version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) returning id`,
}

export const INSERT_TASK_LABEL: Statement = {
  name: 'ceiling_insert_task_label',
  sql: 'insert into task_labels (task_id, label_id) values (?, ?)',
}

export const INSERT_ACTIVITY: Statement = {
  name: 'ceiling_insert_activity',
  sql: `insert into activities (actor_id, project_id, subject_type, subject_id, action, changes,
    created_at) values (?, ?, 'task', ?, 'created', ?, ?)`,
}

export const LOGIN_USER: Statement = {
  name: 'ceiling_login_user',
  sql: 'select id, password, is_active from users where email = ?',
}

export const INSERT_SESSION: Statement = {
  name: 'ceiling_insert_session',
  sql: `insert into user_sessions (user_id, key_hash, ip_address, user_agent, created_at,
    last_seen_at) values (?, ?, ?, ?, ?, ?)`,
}
