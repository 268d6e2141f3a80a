import { AsyncLocalStorage } from 'node:async_hooks'

// What the HTTP server knows about the request being answered, for code that is not handed the request:
// a flash toast set from any action (60 call sites) must be a Secure __Host- cookie over HTTPS.
// Outside a request (tests calling a loader directly, scripts) it is a plain-HTTP request.

type RequestScope = { secure: boolean }

const scope = new AsyncLocalStorage<RequestScope>()

export function runInRequestScope<T>(value: RequestScope, run: () => T): T {
  return scope.run(value, run)
}

export const isSecureScope = () => scope.getStore()?.secure ?? false
