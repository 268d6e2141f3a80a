import { afterEach, describe, expect, test } from 'vitest'
import {
  addDays,
  daysBetween,
  eachDay,
  endOfMonth,
  fromEpochDay,
  isIsoDate,
  isWeekend,
  maxDate,
  minDate,
  mondayOnOrAfter,
  startOfMonthAfter,
  sundayOnOrAfter,
  toEpochDay,
  todayIn,
  todayUtc,
  weekday,
} from '~/utils/calendar'

// Reference values worked out by hand (calendar, zone offsets from the tz database), not by the code.

const at = (iso: string) => new Date(iso)

describe('today in a zone', () => {
  test('zones ahead of and behind UTC', () => {
    const now = at('2026-12-03T20:13:00Z')
    expect(todayIn('UTC', now)).toBe('2026-12-03')
    expect(todayIn('Asia/Taipei', now)).toBe('2026-12-04') // +08:00 → 04:13
    expect(todayIn('Pacific/Kiritimati', now)).toBe('2026-12-04') // +14:00 → 10:13
    expect(todayIn('Pacific/Pago_Pago', now)).toBe('2026-12-03') // −11:00 → 09:13
    expect(todayIn('America/St_Johns', now)).toBe('2026-12-03') // −03:30 → 16:43
  })

  test('the minute either side of local midnight', () => {
    expect(todayIn('Asia/Taipei', at('2026-12-03T15:59:00Z'))).toBe('2026-12-03')
    expect(todayIn('Asia/Taipei', at('2026-12-03T16:00:00Z'))).toBe('2026-12-04')
    expect(todayIn('Pacific/Kiritimati', at('2026-12-03T09:59:00Z'))).toBe('2026-12-03')
    expect(todayIn('Pacific/Kiritimati', at('2026-12-03T10:00:00Z'))).toBe('2026-12-04')
    // Newfoundland's half-hour offset: −03:30 in winter, −02:30 in summer.
    expect(todayIn('America/St_Johns', at('2026-01-01T03:29:00Z'))).toBe('2025-12-31')
    expect(todayIn('America/St_Johns', at('2026-01-01T03:31:00Z'))).toBe('2026-01-01')
    expect(todayIn('America/St_Johns', at('2026-07-01T02:29:00Z'))).toBe('2026-06-30')
    expect(todayIn('America/St_Johns', at('2026-07-01T02:31:00Z'))).toBe('2026-07-01')
  })

  test('daylight-saving changes', () => {
    // New York springs forward on 2026-03-08 at 07:00Z and falls back on 2026-11-01 at 06:00Z.
    expect(todayIn('America/New_York', at('2026-03-08T04:59:00Z'))).toBe('2026-03-07') // EST 23:59
    expect(todayIn('America/New_York', at('2026-03-08T05:00:00Z'))).toBe('2026-03-08')
    expect(todayIn('America/New_York', at('2026-11-01T04:30:00Z'))).toBe('2026-11-01') // EDT 00:30
    expect(todayIn('America/New_York', at('2026-11-02T04:59:00Z'))).toBe('2026-11-01') // EST 23:59
    expect(todayIn('America/New_York', at('2026-11-02T05:00:00Z'))).toBe('2026-11-02')
  })

  test('a day a zone skipped', () => {
    // Kiritimati went from −10:00 to +14:00 after 1994-12-30: 1994-12-31 never happened there.
    expect(todayIn('Pacific/Kiritimati', at('1994-12-31T09:59:00Z'))).toBe('1994-12-30')
    expect(todayIn('Pacific/Kiritimati', at('1994-12-31T10:00:00Z'))).toBe('1995-01-01')
  })

  test('an unknown zone throws', () => {
    expect(() => todayIn('Mars/Olympus_Mons', at('2026-12-03T00:00:00Z'))).toThrow()
  })

  test('today in UTC', () => {
    expect(todayUtc(at('2026-12-03T23:59:59Z'))).toBe('2026-12-03')
    expect(todayUtc(at('2028-02-29T00:00:00Z'))).toBe('2028-02-29')
  })
})

describe('date-only arithmetic', () => {
  const zone = process.env.TZ
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  test('adding days across month ends, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01')
    expect(addDays('2028-01-01', 366)).toBe('2029-01-01')
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31')
    expect(addDays('2026-11-27', 0)).toBe('2026-11-27')
  })

  test('the server’s own zone changes nothing, even on its daylight-saving days', () => {
    for (const tz of ['America/St_Johns', 'Pacific/Kiritimati', 'America/New_York']) {
      process.env.TZ = tz
      expect(addDays('2026-03-08', 1)).toBe('2026-03-09')
      expect(addDays('2026-11-01', 1)).toBe('2026-11-02')
      expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2)
      expect(weekday('2026-03-08')).toBe(0)
    }
  })

  test('days between two dates', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1)
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1)
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
    expect(daysBetween('2026-11-27', '2026-11-27')).toBe(0)
  })

  test('epoch days', () => {
    expect(toEpochDay('1970-01-01')).toBe(0)
    expect(toEpochDay('1969-12-31')).toBe(-1)
    expect(toEpochDay('2000-01-01')).toBe(10_957) // 30 × 365 + 7 leap days
    expect(fromEpochDay(10_957)).toBe('2000-01-01')
    expect(fromEpochDay(-1)).toBe('1969-12-31')
  })

  test('weekdays and week boundaries', () => {
    expect(weekday('1970-01-01')).toBe(4) // a Thursday
    expect(weekday('1969-12-28')).toBe(0) // a Sunday, before the epoch
    expect(weekday('2026-12-03')).toBe(4)
    expect(weekday('2028-02-29')).toBe(2) // a Tuesday
    expect(isWeekend('2026-11-28')).toBe(true)
    expect(isWeekend('2026-11-29')).toBe(true)
    expect(isWeekend('2026-11-30')).toBe(false)
    expect(mondayOnOrAfter('2026-11-29')).toBe('2026-11-30')
    expect(mondayOnOrAfter('2026-11-30')).toBe('2026-11-30')
    expect(mondayOnOrAfter('2026-12-01')).toBe('2026-12-07')
    expect(sundayOnOrAfter('2026-11-27')).toBe('2026-11-29')
    expect(sundayOnOrAfter('2026-11-29')).toBe('2026-11-29')
    expect(sundayOnOrAfter('2028-02-28')).toBe('2028-03-05')
  })

  test('month boundaries', () => {
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29')
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28')
    expect(endOfMonth('2100-02-01')).toBe('2100-02-28') // divisible by 100: not a leap year
    expect(endOfMonth('2000-02-01')).toBe('2000-02-29') // divisible by 400: a leap year
    expect(endOfMonth('2026-12-31')).toBe('2026-12-31')
    expect(endOfMonth('2026-04-01')).toBe('2026-04-30')
    expect(startOfMonthAfter('2026-12-15', 1)).toBe('2027-01-01')
    expect(startOfMonthAfter('2026-01-31', -1)).toBe('2025-12-01')
    expect(startOfMonthAfter('2026-03-31', -1)).toBe('2026-02-01')
    expect(startOfMonthAfter('2026-12-15', 0)).toBe('2026-12-01')
    expect(startOfMonthAfter('2026-11-15', 14)).toBe('2028-01-01')
  })

  test('ranges and order', () => {
    expect(eachDay('2028-02-27', '2028-03-01')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ])
    expect(eachDay('2026-01-01', '2026-01-01')).toEqual(['2026-01-01'])
    expect(eachDay('2026-01-02', '2026-01-01')).toEqual([])
    expect(minDate('2026-12-31', '2027-01-01')).toBe('2026-12-31')
    expect(maxDate('2026-12-31', '2027-01-01')).toBe('2027-01-01')
  })

  test('ISO date validation', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2000-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2100-02-29')).toBe(false)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('2026-04-31')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-00-10')).toBe(false)
    expect(isIsoDate('2026-1-01')).toBe(false)
    expect(isIsoDate('2026-01-01T00:00')).toBe(false)
    expect(isIsoDate(' 2026-01-01')).toBe(false)
    expect(isIsoDate('')).toBe(false)
  })
})
