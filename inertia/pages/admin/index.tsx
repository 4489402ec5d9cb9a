import { Head, Link } from '@inertiajs/react'
import type { AdminIndexProps } from '~/lib/admin/types'
import AdminLayout from '~/layouts/admin_layout'
import { AdminCountText } from '~/components/admin/admin_count'
import { RecentActions } from '~/components/admin/recent_actions'
import { Table, Td, Th } from '~/components/ui/table'

/** The admin's home: every model the user may view, grouped by area, and the latest changes. */
export default function AdminIndex({ models, recentActions }: AdminIndexProps) {
  const areas = [...new Set(models.map((model) => model.area))]

  return (
    <>
      <Head title="Admin" />
      <h1 className="text-2xl font-bold tracking-tight">Site administration</h1>
      <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-8">
          {areas.map((area) => (
            <section key={area} aria-label={area} data-test={`admin-area-${area}`}>
              <Table>
                <caption className="px-3 py-2 text-left text-sm font-semibold">{area}</caption>
                <thead>
                  <tr>
                    <Th>Model</Th>
                    <Th className="text-right">Rows</Th>
                    <Th>
                      <span className="sr-only">Actions</span>
                    </Th>
                  </tr>
                </thead>
                <tbody>
                  {models
                    .filter((model) => model.area === area)
                    .map((model) => (
                      <tr key={model.slug} data-test={`admin-model-${model.slug}`}>
                        <Th scope="row" className="border-t border-border bg-transparent">
                          <Link href={model.url} className="text-foreground hover:underline">
                            {model.label}
                          </Link>
                        </Th>
                        <Td className="text-right tabular-nums">
                          <AdminCountText count={model.count} data-test="admin-count" />
                        </Td>
                        <Td className="text-right whitespace-nowrap">
                          {model.addUrl && (
                            <Link
                              href={model.addUrl}
                              aria-label={`Add ${model.label}`}
                              className="mr-3 text-primary hover:underline"
                            >
                              Add
                            </Link>
                          )}
                          <Link
                            href={model.url}
                            aria-label={`Change ${model.label}`}
                            className="text-primary hover:underline"
                          >
                            Change
                          </Link>
                        </Td>
                      </tr>
                    ))}
                </tbody>
              </Table>
            </section>
          ))}
          {models.length === 0 && (
            <p className="text-muted-foreground">You may not view any model of this site.</p>
          )}
        </div>
        <RecentActions actions={recentActions} />
      </div>
    </>
  )
}

AdminIndex.layout = AdminLayout
