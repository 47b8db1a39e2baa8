import { describe, expect, it } from 'vitest'
import { newOutRefundNo, newOutTradeNo } from './ids'

describe('order numbers', () => {
  it('fit the spec (5–32 of [A-Za-z0-9_]) and read as device + Beijing time', () => {
    const no = newOutTradeNo('demo_device_01', Date.UTC(2026, 10, 25, 16, 30, 5), 7)
    expect(no).toMatch(/^[A-Za-z0-9_]{5,32}$/)
    expect(no.startsWith('demodevice01_2611260030050007')).toBe(true)
  })
  it('stay within 32 characters for long device ids and large sequence numbers', () => {
    expect(newOutTradeNo('A-very-long-device-identifier-999', Date.now(), 123_456_789).length).toBeLessThanOrEqual(32)
  })
  it('never repeat on one terminal, even within a second', () => {
    const now = Date.now()
    const set = new Set(Array.from({ length: 5000 }, (_, i) => newOutTradeNo('dev', now, i)))
    expect(set.size).toBe(5000)
  })
  it('refund numbers are distinct per partial refund and at most 32 characters', () => {
    const no = newOutTradeNo('demo_device_01', Date.now(), 1)
    const a = newOutRefundNo(no, 1)
    const b = newOutRefundNo(no, 2)
    expect(a).not.toBe(b)
    expect(a.length).toBeLessThanOrEqual(32)
    expect(a).toMatch(/^[A-Za-z0-9_-]{1,32}$/)
  })
})
