import type Project from '#models/project'
import type { ProjectRole } from '#shared/projects'
import { type TaskCounts, noTaskCounts } from '#shared/tasks'
import { AppTransformer } from '#services/http/app_transformer'

/**
 * Attaches what the transformer shows besides the columns: the viewer's role and the task
 * counts. Queries that load them select them as `viewer_role`; this sets them otherwise.
 */
export function withViewerData(project: Project, role: ProjectRole | null, counts?: TaskCounts) {
  project.$extras.viewer_role = role
  if (counts) project.$extras.task_counts = counts
  return project
}

/** A project as pages see it, with the viewer's role and task counts per status. */
export default class ProjectTransformer extends AppTransformer<Project> {
  toObject() {
    return {
      ...this.pick(this.resource, ['id', 'name', 'description']),
      archived: this.resource.archivedAt !== null,
      role: (this.resource.$extras.viewer_role ?? null) as ProjectRole | null,
      taskCounts: (this.resource.$extras.task_counts ?? noTaskCounts()) as TaskCounts,
    }
  }
}
