import { StatusPage } from '~/components/status_page'

export default function ServiceUnavailable() {
  return (
    <StatusPage
      status={503}
      title="Briefly unavailable"
      message="Atrium cannot reach one of its services right now. Please try again in a few seconds."
    />
  )
}
