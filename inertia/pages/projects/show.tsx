import type { Data } from '@generated/data'
import { ProjectHeader } from '~/components/project_header'
import { TaskCounts } from '~/components/task_counts'

type ProjectProps = {
  project: Data.Project
  can: { manage: boolean; manageMembers: boolean }
}

export default function ShowProject({ project, can }: ProjectProps) {
  return (
    <>
      <ProjectHeader project={project} section="overview" canManage={can.manage} />
      <div className="mt-6 space-y-3">
        {project.description ? (
          <p className="whitespace-pre-line">{project.description}</p>
        ) : (
          <p className="text-muted-foreground">No description.</p>
        )}
        <TaskCounts counts={project.taskCounts} />
      </div>
    </>
  )
}
