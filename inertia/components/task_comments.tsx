import { type FormEvent, useState } from 'react'
import { router, useForm } from '@inertiajs/react'
import { urlFor } from '~/lib/client'
import { Button } from '~/components/ui/button'
import { fieldClasses } from '~/components/ui/input'
import { InputError } from '~/components/input_error'
import { Moment } from '~/components/moment'

/** A comment as the task page receives it, with what the viewer may do to it. */
export type TaskComment = {
  id: number
  body: string
  author: string
  createdAt: string
  edited: boolean
  canEdit: boolean
  canDelete: boolean
}

function CommentItem({
  projectId,
  taskId,
  comment,
}: {
  projectId: number
  taskId: number
  comment: TaskComment
}) {
  const [editing, setEditing] = useState(false)
  const form = useForm({ body: comment.body })
  const url = urlFor('projects.comments.update', { projectId, taskId, id: comment.id })

  function save(event: FormEvent) {
    event.preventDefault()
    form.put(url, { preserveScroll: true, onSuccess: () => setEditing(false) })
  }

  return (
    <li className="rounded-lg border border-border bg-card p-3" data-test="comment">
      <p className="text-xs text-muted-foreground">
        <span className="font-medium text-foreground">{comment.author}</span> ·{' '}
        <Moment iso={comment.createdAt} />
        {comment.edited && ' · edited'}
      </p>
      {editing ? (
        <form onSubmit={save} className="mt-2 space-y-2" noValidate>
          <textarea
            aria-label="Comment"
            rows={3}
            value={form.data.body}
            onChange={(event) => form.setData('body', event.target.value)}
            className={fieldClasses}
          />
          <InputError id={`comment-${comment.id}-error`} message={form.errors.body} />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={form.processing}>
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <p className="mt-1 text-sm whitespace-pre-line">{comment.body}</p>
      )}
      {!editing && (comment.canEdit || comment.canDelete) && (
        <div className="mt-2 flex gap-2">
          {comment.canEdit && (
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {comment.canDelete && (
            <Button
              size="sm"
              variant="ghost"
              onClick={() =>
                router.delete(
                  urlFor('projects.comments.destroy', { projectId, taskId, id: comment.id }),
                  {
                    preserveScroll: true,
                  }
                )
              }
            >
              Delete
            </Button>
          )}
        </div>
      )}
    </li>
  )
}

/** A task's comments, oldest first, and (for those who may write) a form to add one. */
export function TaskComments({
  projectId,
  taskId,
  comments,
  canComment,
}: {
  projectId: number
  taskId: number
  comments: TaskComment[]
  canComment: boolean
}) {
  const form = useForm({ body: '' })

  function add(event: FormEvent) {
    event.preventDefault()
    form.post(urlFor('projects.comments.store', { projectId, taskId }), {
      preserveScroll: true,
      onSuccess: () => form.reset(),
    })
  }

  return (
    <div className="space-y-3">
      {comments.length === 0 && <p className="text-sm text-muted-foreground">No comments yet.</p>}
      <ul className="space-y-3">
        {comments.map((comment) => (
          <CommentItem key={comment.id} projectId={projectId} taskId={taskId} comment={comment} />
        ))}
      </ul>
      {canComment && (
        <form onSubmit={add} className="space-y-2" noValidate data-test="comment-form">
          <label htmlFor="new-comment" className="block text-sm font-medium">
            Add a comment
          </label>
          <textarea
            id="new-comment"
            rows={3}
            value={form.data.body}
            onChange={(event) => form.setData('body', event.target.value)}
            className={fieldClasses}
          />
          <InputError id="new-comment-error" message={form.errors.body} />
          <Button type="submit" size="sm" disabled={form.processing}>
            Comment
          </Button>
        </form>
      )}
    </div>
  )
}
