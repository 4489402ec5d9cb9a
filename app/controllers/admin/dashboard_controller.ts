import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import { countRows } from '#admin/counts'
import { recentActionsOf } from '#admin/history'
import { adminNav, navModel, visibleAdmins } from '#admin/navigation'

/** The admin's front page: the models this user may see, with counts, and their recent actions. */
export default class DashboardController {
  async show({ admin, inertia }: HttpContext) {
    const admins = visibleAdmins(admin)
    const [counts, recentActions] = await Promise.all([
      Promise.all(
        admins.map((model) =>
          countRows({ table: model.table, query: db.from(model.table), filtered: false })
        )
      ),
      recentActionsOf(admin),
    ])

    return inertia.render('admin/index', {
      nav: adminNav(admin),
      models: admins.map((model, index) => ({
        ...navModel(model, admin),
        area: model.area,
        count: counts[index],
      })),
      recentActions,
    })
  }
}
