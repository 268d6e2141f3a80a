import type { HeadersFunction } from '@remix-run/node'

/**
 * A route's `headers` for documents: an action's Retry-After (a throttled form's 429) reaches the
 * browser's response too; Remix keeps an action's headers on a document request only through this.
 */
export const keepRetryAfter: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}
