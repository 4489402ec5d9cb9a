import type { LucidModel } from '@adonisjs/lucid/types/model'
import { ModelAdmin } from '#admin/model_admin'
import { AdminConfigurationException, UnknownAdminModelException } from '#admin/exceptions'
import { checkModelAdmins } from '#admin/checks'

/** A ModelAdmin subclass, or the base class for all defaults. */
export type ModelAdminClass<Model extends LucidModel> = new (model: Model) => ModelAdmin<Model>

/** URL segments of the admin's own sections (start/routes.ts), which no model's admin may take. */
export const RESERVED_SLUGS: readonly string[] = ['exports', 'jobs']

/**
 * The registry of the admin site, as Django's `AdminSite`: which models the admin shows and how.
 * Registrations happen in `start/admin.ts`; `check()` validates them all at boot.
 */
export class AdminSite {
  private readonly registry = new Map<LucidModel, ModelAdmin<any>>()

  /** Registers `model` with `AdminClass` (defaults for everything when omitted). */
  register<Model extends LucidModel>(
    model: Model,
    AdminClass: ModelAdminClass<Model> = ModelAdmin
  ): ModelAdmin<Model> {
    if (this.registry.has(model)) {
      throw new AdminConfigurationException(
        'E_ALREADY_REGISTERED',
        `The model "${model.name}" is already registered with the admin`
      )
    }
    const admin = new AdminClass(model)
    if (RESERVED_SLUGS.includes(admin.slug)) {
      throw new AdminConfigurationException(
        'E_RESERVED_URL',
        `The model "${model.name}" cannot use the admin URL "${admin.slug}": a section of the admin has it`
      )
    }
    const clash = this.all().find((other) => other.slug === admin.slug)
    if (clash) {
      throw new AdminConfigurationException(
        'E_ALREADY_REGISTERED',
        `The models "${clash.model.name}" and "${model.name}" both use the admin URL "${admin.slug}"`
      )
    }
    this.registry.set(model, admin)
    return admin
  }

  /** Forgets a registration (tests, or an app replacing a default one). */
  unregister(model: LucidModel) {
    this.registry.delete(model)
  }

  isRegistered(model: LucidModel): boolean {
    return this.registry.has(model)
  }

  /** The admin of `model`, or an error naming it. */
  adminOf<Model extends LucidModel>(model: Model): ModelAdmin<Model> {
    const admin = this.registry.get(model)
    if (!admin) {
      throw new AdminConfigurationException(
        'E_NOT_REGISTERED',
        `The model "${model.name}" is not registered with the admin`
      )
    }
    return admin
  }

  /** The registration whose URL segment is `slug`, or null (a model since unregistered). */
  findBySlug(slug: string): ModelAdmin | null {
    return this.all().find((candidate) => candidate.slug === slug) ?? null
  }

  /** The admin whose URL segment is `slug`; a 404 when none. */
  bySlug(slug: string): ModelAdmin {
    const admin = this.findBySlug(slug)
    if (!admin) throw new UnknownAdminModelException(`No model of the admin is called "${slug}"`)
    return admin
  }

  /** Every registration, in registration order. */
  all(): ModelAdmin[] {
    return [...this.registry.values()]
  }

  /**
   * Validates every registration; throws one `AdminChecksException` listing every problem of every
   * registration (code, admin, option, value, hint), so one boot shows all there is to fix.
   */
  check() {
    checkModelAdmins(this.all())
  }
}

/** The app's admin site. */
const adminSite = new AdminSite()
export default adminSite
