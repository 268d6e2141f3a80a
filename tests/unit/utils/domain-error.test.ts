import { describe, expect, test } from 'vitest'
import { DomainError, isDomainError, translateDomainError } from '~/utils/domain-error'

describe('DomainError', () => {
  test('carries its catalogue key, field and status; 400 unless told', () => {
    const plain = new DomainError('delivery.error.notPlanning')
    expect(plain).toBeInstanceOf(Error)
    expect(plain).toMatchObject({ code: 'delivery.error.notPlanning', status: 400, name: 'DomainError' })
    expect(plain.field).toBeUndefined()
    expect(plain.message).toBe('delivery.error.notPlanning')
    const conflict = new DomainError('accountability.errors.locked', { status: 409 })
    expect(conflict.status).toBe(409)
  })

  test('isDomainError tells refusals from other errors, and one refusal from another', () => {
    const taken = new DomainError('users.emailTaken', { field: 'email' })
    expect(isDomainError(taken)).toBe(true)
    expect(isDomainError(taken, 'users.emailTaken')).toBe(true)
    expect(isDomainError(taken, 'login.invalid', 'users.cannotSelf')).toBe(false)
    expect(isDomainError(new Error('users.emailTaken'))).toBe(false)
    expect(isDomainError({ code: 'users.emailTaken' })).toBe(false)
  })
})

describe('translateDomainError', () => {
  test('in both languages', () => {
    const frozen = new DomainError('delivery.error.notPlanning')
    expect(translateDomainError('en', frozen)).toBe('The sprint has started: its scope is frozen.')
    expect(translateDomainError('zh-TW', frozen)).toBe('衝刺週期已開始：工作範圍已凍結。')
  })

  test('fills the parameters', () => {
    const manager = new DomainError('eet.import.error.unknownManager', {
      field: 'manager_id',
      params: { id: 'S-042' },
    })
    expect(translateDomainError('en', manager)).toBe(
      'Manager S-042 is neither in this file nor on the roster.',
    )
    expect(translateDomainError('zh-TW', manager)).toBe('主管 S-042 不在此檔案中，也不在名冊上。')
  })
})
