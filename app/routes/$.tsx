import { GeneralErrorBoundary } from '~/components/error-boundary'
import { notFound } from '~/utils/http.server'

// Every address no other route claims: a real 404 through the shared error view.
export async function loader() {
  notFound()
}

export async function action() {
  notFound()
}

export default function NotFound() {
  return <GeneralErrorBoundary />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
