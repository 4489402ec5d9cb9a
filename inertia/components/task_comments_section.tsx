import { Link } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { TaskComments, type TaskComment } from '~/components/task_comments'

type TaskCommentsSectionProps = {
  projectId: number
  taskId: number
  /** The comments loaded with the page: the latest ones, or all when asked for. */
  comments: TaskComment[]
  /** How many comments the task has in all. */
  commentsTotal: number
  canComment: boolean
}

/**
 * The comments of a task page under their heading; when only the latest are shown, a link loads
 * all of them in place (only the comment props reload).
 */
export function TaskCommentsSection({
  projectId,
  taskId,
  comments,
  commentsTotal,
  canComment,
}: TaskCommentsSectionProps) {
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title" className="text-lg font-semibold">
        Comments
      </h2>
      {commentsTotal > comments.length && (
        <p className="mt-2 text-sm text-muted-foreground" data-test="older-comments">
          Showing the latest {comments.length} of {commentsTotal}.{' '}
          <Link
            href={`${urlFor('projects.tasks.show', { projectId, id: taskId })}?comments=all`}
            preserveScroll
            only={['comments', 'commentsTotal']}
            className="text-primary hover:underline"
          >
            Show all
          </Link>
        </p>
      )}
      <div className="mt-3">
        <TaskComments
          projectId={projectId}
          taskId={taskId}
          comments={comments}
          canComment={canComment}
        />
      </div>
    </section>
  )
}
