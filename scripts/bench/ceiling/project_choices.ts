import type { CeilingDatabase } from './database.ts'
import { PROJECT_LABELS, PROJECT_MEMBERS } from './statements.ts'

/** A project's members by name and labels by name, as the task pages' filters and forms list them. */
export async function projectChoices(db: CeilingDatabase, projectId: number) {
  const [members, labels] = await Promise.all([
    db.all(PROJECT_MEMBERS, [projectId]),
    db.all(PROJECT_LABELS, [projectId]),
  ])
  return {
    members: members.map((row) => ({ id: Number(row.id), fullName: row.full_name })),
    labels: labels.map((row) => ({ id: Number(row.id), name: row.name, color: row.color })),
  }
}
