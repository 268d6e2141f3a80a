import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useT } from '~/i18n/react'

/** The one error view for every route: a readable message in the user's language, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  let title = t('error.title')
  let body = t('error.generic')
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t('error.notFound.title')
      body = t('error.notFound.body')
    } else if (error.status === 403) {
      title = t('error.forbidden.title')
      body = t('error.forbidden.body')
    } else if (error.status === 429) {
      title = t('error.tooMany.title')
    } else if (error.status < 500 && typeof error.data === 'string' && error.data.length < 300) {
      body = error.data
    }
  } else if (typeof document !== 'undefined') {
    console.error(error)
  }
  return (
    <section className="error-page" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/">{t('error.goHome')}</Link>
      </p>
    </section>
  )
}
