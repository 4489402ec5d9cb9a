import type { FormEvent } from 'react'
import { useForm } from '@inertiajs/react'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Dialog } from '~/components/ui/dialog'
import { FormField } from '~/components/form_field'
import { Table, Td, Th } from '~/components/ui/table'
import { SettingsLayout } from '~/components/settings_layout'
import { Moment } from '~/components/moment'

type SessionsProps = { sessions: Data.UserSession[] }

function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser'
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser'
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X/.test(userAgent)
      ? 'macOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /iPhone|iPad/.test(userAgent)
          ? 'iOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : ''
  return system ? `${browser} on ${system}` : browser
}

export default function Sessions({ sessions }: SessionsProps) {
  const form = useForm({ password: '' })
  const others = sessions.filter((session) => !session.current).length

  function submit(event: FormEvent) {
    event.preventDefault()
    form.delete(urlFor('settings.sessions.destroy_others'), {
      preserveScroll: true,
      onFinish: () => form.reset(),
    })
  }

  return (
    <SettingsLayout title="Sessions">
      <p className="text-sm text-muted-foreground">Where your account is logged in.</p>
      <div className="mt-4">
        <Table data-test="sessions-table">
          <thead>
            <tr>
              <Th>Browser</Th>
              <Th>IP address</Th>
              <Th>Last active</Th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <Td>
                  {describeBrowser(session.userAgent)}{' '}
                  {session.current && <Badge tone="primary">this browser</Badge>}
                </Td>
                <Td>{session.ipAddress ?? '—'}</Td>
                <Td>
                  <time dateTime={session.lastSeenAt}>
                    <Moment iso={session.lastSeenAt} />
                  </time>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <div className="mt-6">
        <Dialog
          title="Log out other sessions"
          description="Enter your password to log out every other browser."
          trigger={
            <Button variant="secondary" disabled={others === 0} data-test="logout-others">
              Log out other sessions ({others})
            </Button>
          }
        >
          <form onSubmit={submit} className="space-y-4" noValidate>
            <FormField
              id="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              value={form.data.password}
              onChange={(value) => form.setData('password', value)}
              error={form.errors.password}
            />
            <Button type="submit" disabled={form.processing}>
              Log out other sessions
            </Button>
          </form>
        </Dialog>
      </div>
    </SettingsLayout>
  )
}
