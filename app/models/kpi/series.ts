// Charts with years of daily values are thinned on the server so pages stay small and fast:
// Largest-Triangle-Three-Buckets (Steinarsson 2013) keeps the visual shape — peaks and troughs —
// with a fixed number of points. Pure (tested in tests/unit/kpi/series.test.ts).

export type Point = { x: number; y: number }

export function lttb<T extends Point>(points: readonly T[], threshold: number): T[] {
  if (threshold >= points.length || threshold < 3) return [...points]
  const sampled: T[] = [points[0]!]
  const every = (points.length - 2) / (threshold - 2)
  let a = 0
  for (let i = 0; i < threshold - 2; i++) {
    const avgStart = Math.floor((i + 1) * every) + 1
    const avgEnd = Math.min(Math.floor((i + 2) * every) + 1, points.length)
    let avgX = 0
    let avgY = 0
    for (let j = avgStart; j < avgEnd; j++) {
      avgX += points[j]!.x
      avgY += points[j]!.y
    }
    const avgCount = avgEnd - avgStart || 1
    avgX /= avgCount
    avgY /= avgCount
    const rangeStart = Math.floor(i * every) + 1
    const rangeEnd = Math.floor((i + 1) * every) + 1
    const pointA = points[a]!
    let maxArea = -1
    let next = rangeStart
    for (let j = rangeStart; j < rangeEnd; j++) {
      const area = Math.abs(
        (pointA.x - avgX) * (points[j]!.y - pointA.y) - (pointA.x - points[j]!.x) * (avgY - pointA.y),
      )
      if (area > maxArea) {
        maxArea = area
        next = j
      }
    }
    sampled.push(points[next]!)
    a = next
  }
  sampled.push(points[points.length - 1]!)
  return sampled
}
