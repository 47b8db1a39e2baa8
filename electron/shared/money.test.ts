import { describe, expect, it } from 'vitest'
import { formatFen, formatYuan, groupThousands, parseYuan } from './money'

describe('money text', () => {
  it('formats fen exactly, with thousands separators where money is shown', () => {
    expect(formatFen(1250)).toBe('12.50')
    expect(formatYuan(1250)).toBe('¥12.50')
    expect(formatYuan(123456789)).toBe('¥1,234,567.89')
    expect(formatYuan(100000)).toBe('¥1,000.00')
    expect(formatYuan(99999)).toBe('¥999.99')
    expect(formatYuan(-250000)).toBe('-¥2,500.00')
  })

  it('groups typed text without touching its decimals', () => {
    expect(groupThousands('1234')).toBe('1,234')
    expect(groupThousands('1234.5')).toBe('1,234.5')
    expect(groupThousands('12345.')).toBe('12,345.')
    expect(groupThousands('0.05')).toBe('0.05')
    expect(groupThousands('')).toBe('')
  })

  it('parses yuan text with at most two decimals', () => {
    expect(parseYuan('25')).toBe(2500)
    expect(parseYuan('12.3')).toBe(1230)
    expect(parseYuan('1.234')).toBeNull()
    expect(parseYuan('1,234')).toBeNull()
  })
})
