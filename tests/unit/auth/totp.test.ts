import { describe, expect, test } from 'vitest'
import { matchTotpStep, totpAt } from '~/auth/totp'

// RFC 6238 Appendix B: the SHA-1 test vectors (key = ASCII "12345678901234567890", 8 digits, 30 s
// steps), copied from the RFC's table, not computed here.
const RFC_KEY = new TextEncoder().encode('12345678901234567890')
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
]

describe('TOTP (RFC 6238)', () => {
  test.each(VECTORS)('at %i s the code is %s', (seconds, code) => {
    expect(totpAt(RFC_KEY, new Date(seconds * 1000), 8)).toBe(code)
  })

  test('a code of the previous or next step is accepted, two steps away is not, nor anything but 6 digits', () => {
    const at = new Date(1111111111 * 1000)
    const step = Math.floor(1111111111 / 30)
    expect(matchTotpStep(RFC_KEY, totpAt(RFC_KEY, at), at)).toBe(step)
    expect(matchTotpStep(RFC_KEY, totpAt(RFC_KEY, new Date(at.getTime() - 30_000)), at)).toBe(step - 1)
    expect(matchTotpStep(RFC_KEY, totpAt(RFC_KEY, new Date(at.getTime() + 30_000)), at)).toBe(step + 1)
    expect(matchTotpStep(RFC_KEY, totpAt(RFC_KEY, new Date(at.getTime() + 60_000)), at)).toBeNull()
    expect(matchTotpStep(RFC_KEY, '12345', at)).toBeNull()
    expect(matchTotpStep(RFC_KEY, totpAt(RFC_KEY, at, 8), at)).toBeNull()
  })
})
