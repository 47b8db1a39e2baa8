import { describe, expect, it } from 'vitest'
import type { ShiftReport } from '../../../electron/shared/contract'
import { csvCell, reportCsv, toCsv } from './csv'
import { clockTime, secondsLeft, startOfDay } from './format'

describe('display helpers', () => {
  it('counts down in whole seconds and never below zero', () => {
    expect(secondsLeft(null, 1000)).toBeNull()
    expect(secondsLeft(31_000, 1_000)).toBe(30)
    expect(secondsLeft(31_000, 1_001)).toBe(30)
    expect(secondsLeft(31_000, 30_999)).toBe(1)
    expect(secondsLeft(31_000, 40_000)).toBe(0)
  })

  it('formats local times', () => {
    const at = new Date(2024, 4, 1, 9, 5, 3).getTime()
    expect(clockTime(at)).toBe('09:05:03')
    expect(startOfDay(at)).toBe(new Date(2024, 4, 1).getTime())
  })
})

describe('csv', () => {
  it('quotes only when needed and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvCell('-12.30')).toBe('-12.30')
    expect(toCsv([['a', 1], ['b', 2]])).toBe('a,1\r\nb,2\r\n')
  })

  it('exports a report with exact yuan amounts', () => {
    const report: ShiftReport = {
      kind: 'Z',
      shift: { id: 'S1', cashier: '张三', floatFen: 10000, openedAt: 0, closedAt: 1000 },
      generatedAt: 1000,
      paid: { count: 2, amountFen: 1230 },
      byPaytype: [{ paytype: 'WECHAT', paid: { count: 2, amountFen: 1230 }, refunded: { count: 1, amountFen: 30 } }],
      byMethod: [{ method: 'code', paid: { count: 2, amountFen: 1230 } }],
      refunded: { count: 1, amountFen: 30 },
      netFen: 1200,
      cancelled: 1,
      failed: 0,
      attention: [],
      expectedFen: 11200,
    }
    const csv = reportCsv(report)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toContain('total,paid,2,12.30\r\n')
    expect(csv).toContain('total,net,,12.00\r\n')
    expect(csv).toContain('total,expected,,112.00\r\n')
    expect(csv).toContain('paytype_refunded,WECHAT,1,0.30\r\n')
    expect(csv).toContain('shift,cashier,,张三\r\n')
  })
})

describe('success speech', () => {
  it('reads the amount without trailing zeros', async () => {
    const { successSpeech } = await import('./announce')
    expect(successSpeech(1230)).toBe('收款成功 12.3 元')
    expect(successSpeech(1000)).toBe('收款成功 10 元')
    expect(successSpeech(1)).toBe('收款成功 0.01 元')
    expect(successSpeech(1205)).toBe('收款成功 12.05 元')
  })
})
