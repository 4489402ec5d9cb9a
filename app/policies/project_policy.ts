import type User from '#models/user'
import type Comment from '#models/comment'
import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { ProjectAccess } from '#services/projects/project_access'
import { editsContent } from '#shared/projects'

/**
 * What a member may do in a project. Viewers read; editors also write tasks, comments and labels;
 * owners also change the project and its members. Archived projects are read-only until an owner
 * unarchives them. Superusers may do everything.
 */
export default class ProjectPolicy extends BasePolicy {
  before(user: User | null) {
    if (user?.isActive && user.isSuperuser) return true
  }

  view(_user: User, access: ProjectAccess): AuthorizerResponse {
    return access.role !== null
  }

  /** Rename, describe, archive and unarchive, delete. */
  manage(_user: User, access: ProjectAccess): AuthorizerResponse {
    return access.role === 'owner'
  }

  manageMembers(_user: User, access: ProjectAccess): AuthorizerResponse {
    return access.role === 'owner' && access.project.archivedAt === null
  }

  /** Create and change tasks, labels and comments. */
  editContent(_user: User, access: ProjectAccess): AuthorizerResponse {
    return editsContent(access.role) && access.project.archivedAt === null
  }

  /** Edit a comment: its author, while they may write in the project. */
  editComment(user: User, access: ProjectAccess, comment: Comment): AuthorizerResponse {
    return comment.authorId === user.id && this.editContent(user, access) === true
  }

  /** Delete a comment: its author (while they may write), or an owner. */
  deleteComment(user: User, access: ProjectAccess, comment: Comment): AuthorizerResponse {
    if (access.project.archivedAt !== null) return false
    return access.role === 'owner' || this.editComment(user, access, comment) === true
  }

  /** Leave the project (an owner must hand over ownership first when they are the last one). */
  leave(_user: User, access: ProjectAccess): AuthorizerResponse {
    return access.role !== null
  }
}
