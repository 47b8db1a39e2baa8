import { describe, expect, it } from 'vitest'
import { DEFAULT_POLICY, deadlineFor, fixedIntervalPolicy, nextQueryOffset, querySchedule, scaledPolicy } from './policy'

describe('the default poll/cancel policy', () => {
  const schedule = querySchedule(DEFAULT_POLICY, deadlineFor(DEFAULT_POLICY, 'code', 'ALIPAY'))

  it('detects a confirmation at any moment between 3 s and 40 s within 2 s', () => {
    for (let t = 3_000; t <= 40_000; t += 50) {
      const next = schedule.find((q) => q >= t)!
      expect(next - t).toBeLessThanOrEqual(2_000)
    }
  })

  it('makes no more than 20 queries for a confirmation by 40 s, and about 20 over the whole window', () => {
    expect(schedule.filter((q) => q <= 40_050).length).toBeLessThanOrEqual(20)
    expect(schedule.length).toBeLessThanOrEqual(24)
    expect(querySchedule(DEFAULT_POLICY, deadlineFor(DEFAULT_POLICY, 'code', 'WECHAT')).length).toBeLessThanOrEqual(21)
  })

  it('follows the wallets: WeChat waits 45 s, Alipay 60 s, no cancel before 15 s, cancel only inside 5 minutes', () => {
    expect(DEFAULT_POLICY.deadlineMs.WECHAT).toBe(45_000)
    expect(DEFAULT_POLICY.deadlineMs.ALIPAY).toBe(60_000)
    expect(DEFAULT_POLICY.minCancelAfterMs).toBe(15_000)
    expect(DEFAULT_POLICY.cancelWindowMs).toBe(300_000)
    expect(DEFAULT_POLICY.firstQueryAfterUnknownMs).toBe(5_000)
  })

  it('queries are dense early and sparser later', () => {
    const gaps = schedule.slice(1).map((q, i) => q - schedule[i]!)
    expect(Math.max(...gaps.slice(0, 10))).toBeLessThan(Math.min(...gaps.slice(-2)))
  })

  it('the fixed 5 s baseline and scaled copies keep their shape', () => {
    expect(nextQueryOffset(fixedIntervalPolicy(), 10_000)).toBe(15_000)
    const small = scaledPolicy(0.01)
    expect(small.deadlineMs.WECHAT).toBe(450)
    expect(small.minCancelAfterMs).toBe(150)
    expect(querySchedule(small, 450).length).toBe(querySchedule(DEFAULT_POLICY, 45_000).length)
  })
})
