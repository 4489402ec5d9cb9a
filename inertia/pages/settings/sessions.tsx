import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import { Table, Td, Th } from '~/components/ui/table'
import { SettingsLayout } from '~/components/settings_layout'
import { Moment } from '~/components/moment'
import { PasswordConfirmDialog } from '~/components/password_confirm_dialog'

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
  const others = sessions.filter((session) => !session.current).length

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
        <PasswordConfirmDialog
          title="Log out other sessions"
          description="Enter your password to log out every other browser."
          trigger={
            <Button variant="secondary" disabled={others === 0} data-test="logout-others">
              Log out other sessions ({others})
            </Button>
          }
          url={urlFor('settings.sessions.destroy_others')}
          submitLabel="Log out other sessions"
        />
      </div>
    </SettingsLayout>
  )
}
