import { parse } from 'csv-parse/sync'
import { expect, test } from 'vitest'
import { toCsv } from '~/utils/csv.server'

// ASVS 5.0 1.2.10: a cell a spreadsheet would evaluate (= + - @ tab CR first) is written with a leading '.
test.each([
  ['=HYPERLINK("http://evil.example")', `'=HYPERLINK("http://evil.example")`],
  ['+1+1', "'+1+1"],
  ['-2+3', "'-2+3"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tcmd', "'\tcmd"],
  ['\rcmd', "'\rcmd"],
  ['plain, with comma', 'plain, with comma'],
  ['-1250.5', '-1250.5'],
  ['+3', '+3'],
  ['1e5', '1e5'],
])('%j is read back by a CSV parser as %j', (cell, expected) => {
  const csv = toCsv(['value'], [[cell]], { bom: false })
  const [, row] = parse(csv) as string[][]
  const read = row?.[0]
  expect(read).toBe(expected)
})

test('numbers and dates are written as they are', () => {
  expect(toCsv(['n', 'd'], [[-3, new Date('2026-01-02T00:00:00Z')]], { bom: false })).toBe(
    'n,d\r\n-3,2026-01-02T00:00:00.000Z\r\n',
  )
})
