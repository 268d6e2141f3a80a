import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { ACCOUNT_LIMIT, IP_LIMIT } from '~/auth/throttle.server'
import { createUser } from '#tests/factories'
import { startHttpApp, type HttpApp } from '#tests/support/http-app'

// Throttling over real HTTP, without TRUST_PROXY: the address is the socket's, whatever X-Forwarded-For says.
vi.hoisted(() => {
  delete process.env.TRUST_PROXY
})

let app: HttpApp
beforeAll(async () => {
  app = await startHttpApp()
})
afterAll(() => app.close())

const post = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Sec-Fetch-Site': 'same-origin', ...headers },
    body: new URLSearchParams({ email, password }),
  })

test(`a rotating X-Forwarded-For does not change the bucket: after ${IP_LIMIT} failures, 429`, async () => {
  const statuses: number[] = []
  for (let i = 0; i < IP_LIMIT + 5; i++) {
    const response = await post(`spoof-${i}@example.test`, 'wrong', { 'X-Forwarded-For': `203.0.113.${i}` })
    statuses.push(response.status)
  }
  expect(statuses.slice(0, IP_LIMIT).every((status) => status === 400)).toBe(true)
  expect(statuses.slice(IP_LIMIT)).toEqual([429, 429, 429, 429, 429])
})

test(`200 parallel wrong passwords for one account over HTTP: at most ${ACCOUNT_LIMIT} checked, the rest 429 with Retry-After`, async () => {
  const { db } = await import('~/utils/db.server')
  await db.deleteFrom('auth_throttle').execute()
  const user = await createUser()
  const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => post(user.email, `wrong ${i}`)))
  const checked = responses.filter((response) => response.status === 400)
  const throttled = responses.filter((response) => response.status === 429)
  expect(checked.length).toBeLessThanOrEqual(ACCOUNT_LIMIT)
  expect(checked.length + throttled.length).toBe(200)
  for (const response of throttled) expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0)
})

test('a 100 MB sign-in body is refused with 413 before it is read', async () => {
  const { DEFAULT_BODY_LIMIT } = await import('~/utils/request-guards.server')
  const response = await fetch(`${app.url}/login`, {
    method: 'POST',
    headers: {
      'Sec-Fetch-Site': 'same-origin',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: `email=a%40b.c&password=${'x'.repeat(DEFAULT_BODY_LIMIT + 1)}`,
  })
  expect(response.status).toBe(413)
})
