// The Beijing day bounds (store day report, store X report, store dashboard).
import { describe, expect, it } from 'vitest'
import { beijingDay, beijingDayBounds, beijingDayStart, beijingTodaySoFar } from './beijing-day'

const utc = (s: string) => Date.parse(s)

describe('Beijing day', () => {
  it('a day runs from 16:00 UTC the evening before to 16:00 UTC that evening', () => {
    expect(beijingDayBounds('2026-12-02')).toEqual({ from: utc('2026-12-01T16:00:00Z'), to: utc('2026-12-02T16:00:00Z') })
    // Across a month and a year end.
    expect(beijingDayBounds('2027-01-01')).toEqual({ from: utc('2026-12-31T16:00:00Z'), to: utc('2027-01-01T16:00:00Z') })
  })

  it('after 16:00 UTC it is already the next day in Beijing', () => {
    expect(beijingDay(utc('2026-12-02T15:59:59.999Z'))).toBe('2026-12-02')
    expect(beijingDay(utc('2026-12-02T16:00:00Z'))).toBe('2026-12-03')
    expect(beijingDayStart(utc('2026-12-02T16:00:00Z'))).toBe(utc('2026-12-02T16:00:00Z'))
    expect(beijingDayStart(utc('2026-12-02T15:59:59Z'))).toBe(utc('2026-12-01T16:00:00Z'))
  })

  it('the day of any instant contains it, and its bounds agree with beijingDayStart', () => {
    for (const at of [utc('2026-02-28T20:00:00Z'), utc('2028-02-29T03:00:00Z'), utc('2026-12-02T00:00:00Z')]) {
      const b = beijingDayBounds(beijingDay(at))
      expect(b?.from).toBe(beijingDayStart(at))
      expect(at >= b!.from && at < b!.to).toBe(true)
    }
  })

  it('X report: today 00:00 Beijing up to now', () => {
    const now = utc('2026-12-02T17:30:00Z')
    expect(beijingTodaySoFar(now)).toEqual({ from: utc('2026-12-02T16:00:00Z'), to: now })
  })

  it('no bounds for what is not a date', () => {
    for (const bad of ['', '2026-13-01', '2026-02-30', '2026-2-1', 'today', '2026-12-02T00:00']) expect(beijingDayBounds(bad)).toBeNull()
  })
})
