import { describe, expect, it } from 'vitest'
import { changeFor, quickNotes } from './cash'

describe('cash tender helpers', () => {
  it('offers the exact amount and the next round notes, each once', () => {
    expect(quickNotes(3750)).toEqual([3750, 4000, 5000, 10000])
    expect(quickNotes(1000)).toEqual([1000, 2000, 5000, 10000])
    expect(quickNotes(12345)).toEqual([12345, 13000, 14000, 15000, 20000])
    expect(quickNotes(5000)).toEqual([5000, 6000, 10000])
  })
  it('change is given − due, none when short', () => {
    expect(changeFor(3750, 5000)).toBe(1250)
    expect(changeFor(3750, 3750)).toBe(0)
    expect(changeFor(3750, 3000)).toBeNull()
    expect(changeFor(3750, null)).toBeNull()
  })
})
