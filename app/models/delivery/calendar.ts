// Calendar arithmetic on 'YYYY-MM-DD' strings (the shape `date` columns come back in). All in UTC, so a
// day is a day wherever the server runs.

const DAY_MS = 86_400_000

function toTime(date: string) {
  return Date.parse(`${date}T00:00:00Z`)
}

export function addDays(date: string, days: number): string {
  return new Date(toTime(date) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS)
}

export function isWeekend(date: string): boolean {
  const day = new Date(toTime(date)).getUTCDay()
  return day === 0 || day === 6
}

/** Every date from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

export function minDate(a: string, b: string) {
  return a < b ? a : b
}

export function maxDate(a: string, b: string) {
  return a > b ? a : b
}

/** Today's date in a time zone (the program's reporting zone). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
