import { StatusPage } from '~/components/status_page'

export default function Forbidden() {
  return (
    <StatusPage
      status={403}
      title="Access denied"
      message="Your account is not allowed to do this. Ask an owner or an administrator for access."
    />
  )
}
