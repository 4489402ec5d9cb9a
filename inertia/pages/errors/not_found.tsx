import { StatusPage } from '~/components/status_page'

export default function NotFound() {
  return (
    <StatusPage
      status={404}
      title="Page not found"
      message="The page you asked for does not exist, or you are not allowed to see it."
    />
  )
}
