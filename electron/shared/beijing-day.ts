// The shop's day is the Beijing calendar day (UTC+8, no daylight saving). ONE
// place decides its bounds: the core (store dashboard) and the renderer (store
// day report, store X report) both ask here.
const DAY_MS = 24 * 3600_000
const BEIJING_MS = 8 * 3600_000

/** Midnight (Beijing) of the day `now` falls in. */
export function beijingDayStart(now: number): number {
  return Math.floor((now + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS
}

/** 'YYYY-MM-DD' of the Beijing day `now` falls in. */
export function beijingDay(now: number): string {
  return new Date(beijingDayStart(now) + BEIJING_MS).toISOString().slice(0, 10)
}

/** [from, to) of a Beijing day 'YYYY-MM-DD'; null when it is not a real date. */
export function beijingDayBounds(day: string): { from: number; to: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (new Date(utcMidnight).toISOString().slice(0, 10) !== day) return null
  const from = utcMidnight - BEIJING_MS
  return { from, to: from + DAY_MS }
}

/** The store X report: today (Beijing) from 00:00 up to `now`. */
export function beijingTodaySoFar(now: number): { from: number; to: number } {
  return { from: beijingDayStart(now), to: now }
}
