import { expect, test } from 'vitest'
import { lttb } from '~/models/kpi/series'

test('LTTB keeps the first and last points, the requested count, and an isolated peak', () => {
  const points = Array.from({ length: 1825 }, (_, x) => ({ x, y: Math.sin(x / 50) }))
  points[900] = { x: 900, y: 50 }
  const thinned = lttb(points, 400)
  expect(thinned).toHaveLength(400)
  expect(thinned[0]).toBe(points[0])
  expect(thinned.at(-1)).toBe(points.at(-1))
  expect(thinned.some((point) => point.y === 50)).toBe(true)
  // x stays increasing
  expect(thinned.every((point, i) => i === 0 || point.x > thinned[i - 1]!.x)).toBe(true)
})

test('short series are returned whole', () => {
  const points = [
    { x: 0, y: 1 },
    { x: 1, y: 2 },
  ]
  expect(lttb(points, 400)).toEqual(points)
})
