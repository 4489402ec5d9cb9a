import type User from '#models/user'
import type Project from '#models/project'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Label from '#models/label'
import Task from '#models/task'
import { createProject } from '#services/projects/projects'
import { addMember } from '#services/projects/project_membership'
import { UserFactory } from '#database/factories/user_factory'

/** Who can visit a project's URLs, from the most to the least rights. */
export const VISITORS = ['owner', 'editor', 'viewer', 'nonMember', 'guest'] as const

/** One of {@link VISITORS}. */
export type Visitor = (typeof VISITORS)[number]

/** A project with one member of each role, and a user who is not a member. */
export type ProjectCast = {
  project: Project
  label: Label
  task: Task
  users: Record<Exclude<Visitor, 'guest'>, User>
}

/**
 * Creates a project ("Apollo", with a label "bug" and a task) with an owner, an editor, a viewer,
 * and an outsider.
 */
export async function projectWithCast(): Promise<ProjectCast> {
  const [owner, editor, viewer, nonMember] = await UserFactory.createMany(4)
  const project = await createProject(owner, { name: 'Apollo', description: 'To the moon' })
  await addMember(project, editor, 'editor')
  await addMember(project, viewer, 'viewer')
  const label = await Label.create({ projectId: project.id, name: 'bug', color: '#dc2626' })
  const task = await Task.create({
    projectId: project.id,
    title: 'Check the fuel',
    status: 'todo',
    priority: 1,
    version: 1,
  })
  return { project, label, task, users: { owner, editor, viewer, nonMember } }
}

/**
 * Dates the project's activity record a minute back, so a live page opened now has nothing to
 * catch up on (its stream does not ask it to reload at once).
 */
export async function quietProject(project: Project) {
  const aMinuteAgo = DateTime.now().minus({ minutes: 1 })
  await db
    .from('activities')
    .where('project_id', project.id)
    .update({ created_at: aMinuteAgo.toFormat(db.connection().dialect.dateTimeFormat) })
}
