import { StatusPage } from '~/components/status_page'

export default function ServerError() {
  return (
    <StatusPage
      status={500}
      title="Something went wrong"
      message="The server could not finish this request. It has been logged; please try again."
    />
  )
}
