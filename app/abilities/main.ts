/*
|--------------------------------------------------------------------------
| Abilities
|--------------------------------------------------------------------------
|
| Account-wide permissions, checked with `bouncer.allows('enterAdmin')`.
| Record-level rules live in app/policies. Superusers may do everything.
|
*/

import { Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'

/** May open the admin site: active staff (superusers are staff). */
export const enterAdmin = Bouncer.ability((user: User) => user.isActive && user.isStaff)

/** May manage other accounts (flags, passwords): superusers only. */
export const manageUsers = Bouncer.ability((user: User) => user.isActive && user.isSuperuser)
