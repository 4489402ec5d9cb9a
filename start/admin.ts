/*
|--------------------------------------------------------------------------
| Admin registrations
|--------------------------------------------------------------------------
|
| The models the admin site shows, each with its ModelAdmin (app/admin/models).
| `node ace make:admin Model` writes a registration and adds it here. Every
| registration is checked when the app boots: a field that does not exist
| stops the boot with the model and option named.
|
*/

import User from '#models/user'
import Task from '#models/task'
import Group from '#models/group'
import Label from '#models/label'
import Comment from '#models/comment'
import Project from '#models/project'
import Activity from '#models/activity'
import AccessToken from '#models/access_token'
import ProjectMember from '#models/project_member'
import adminSite from '#admin/admin_site'
import { UserAdmin } from '#admin/models/user_admin'
import { TaskAdmin } from '#admin/models/task_admin'
import { GroupAdmin } from '#admin/models/group_admin'
import { LabelAdmin } from '#admin/models/label_admin'
import { CommentAdmin } from '#admin/models/comment_admin'
import { ProjectAdmin } from '#admin/models/project_admin'
import { ActivityAdmin } from '#admin/models/activity_admin'
import { AccessTokenAdmin } from '#admin/models/access_token_admin'
import { ProjectMemberAdmin } from '#admin/models/project_member_admin'

adminSite.register(Project, ProjectAdmin)
adminSite.register(ProjectMember, ProjectMemberAdmin)
adminSite.register(Task, TaskAdmin)
adminSite.register(Label, LabelAdmin)
adminSite.register(Comment, CommentAdmin)
adminSite.register(User, UserAdmin)
adminSite.register(Group, GroupAdmin)
adminSite.register(Activity, ActivityAdmin)
adminSite.register(AccessToken, AccessTokenAdmin)

adminSite.check()
