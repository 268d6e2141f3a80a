import { describe, expect, test } from 'vitest'
import { can, capabilitiesOf, ROLES } from '~/auth/permissions'
import { newPasswordSchema } from '~/auth/password-policy.server'
import { assertSameOrigin, safeRedirectPath } from '~/utils/http.server'

describe('safeRedirectPath', () => {
  test.each([
    ['/initiatives', '/initiatives'],
    ['/a?b=c#d', '/a?b=c#d'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    [null, '/'],
    // The probe's case: the URL parser removes the dot segment and leaves a protocol-relative path.
    ['/.//evil.example', '/'],
    ['/./\\evil.example', '/'],
    ['/..//evil.example', '/'],
    ['/%2e//evil.example', '/'],
    ['/%2F%2Fevil.example', '/'],
    ['/%252F%252Fevil.example', '/'],
    ['/%5Cevil.example', '/'],
    ['/\tevil', '/'],
    ['/\u0000x', '/'],
    ['/a/../b?c=1', '/b?c=1'],
    ['/search?q=100%25', '/search?q=100%25'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected)
  })
})

describe('assertSameOrigin', () => {
  const post = (headers: Record<string, string>) =>
    new Request('http://localhost:3000/x', { method: 'POST', headers })
  const refused = (request: Request) => {
    try {
      assertSameOrigin(request)
      return false
    } catch (error) {
      return error instanceof Response && error.status === 403
    }
  }
  test('refuses browsers’ cross-site and same-site (other subdomain) POSTs', () => {
    expect(refused(post({ 'Sec-Fetch-Site': 'cross-site' }))).toBe(true)
    expect(refused(post({ 'Sec-Fetch-Site': 'same-site' }))).toBe(true)
    expect(refused(post({ Origin: 'https://evil.example' }))).toBe(true)
  })
  test('allows same-origin POSTs, direct navigations, non-browser clients and GETs', () => {
    expect(refused(post({ 'Sec-Fetch-Site': 'same-origin' }))).toBe(false)
    expect(refused(post({ 'Sec-Fetch-Site': 'none' }))).toBe(false)
    expect(refused(post({ Origin: 'http://localhost:3000' }))).toBe(false)
    expect(refused(post({}))).toBe(false)
    expect(
      refused(new Request('http://localhost:3000/x', { headers: { 'Sec-Fetch-Site': 'cross-site' } })),
    ).toBe(false)
  })
})

describe('password policy', () => {
  test.each([
    ['short', false],
    ['aaaaaaaaaaaa', false],
    ['tenfold-zebra-42', true],
    ['密碼'.repeat(6), true],
    ['x'.repeat(129), false],
    ['password1234', false],
    ['123456789012', false],
    ['correct horse battery staple', true],
  ])('%s → %s', (password, ok) => {
    expect(newPasswordSchema.safeParse(password).success).toBe(ok)
  })
})

test('the role table: admins manage users, viewers only read, EET members submit feedback', () => {
  expect(ROLES).toEqual(['admin', 'lead', 'sponsor', 'eet_member', 'viewer', 'manager'])
  expect(can('admin', 'user:manage')).toBe(true)
  expect(ROLES.filter((role) => can(role, 'user:manage'))).toEqual(['admin'])
  expect(
    capabilitiesOf('viewer').some((c) => /edit|manage|decide|submit|triage|measure|import/.test(c)),
  ).toBe(false)
  expect(can('eet_member', 'feedback:submit')).toBe(true)
  expect(can('lead', 'business-case:decide')).toBe(false)
  // A frontline manager reads their own team (scoped by the roster) and logs coaching, nothing company-wide.
  expect(capabilitiesOf('manager')).toEqual(['team:read', 'coaching:log'])
  expect(ROLES.filter((role) => can(role, 'team:read'))).toEqual(['admin', 'manager'])
})
