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

describe('report CSV with the drawer', () => {
  it('lists cash movements, the count by denomination and the over/short', async () => {
    const { reportCsv } = await import('./csv')
    const csv = reportCsv({
      kind: 'Z',
      shift: { id: 'S1', cashier: '张三', floatFen: 10000, openedAt: 0, closedAt: 1000 },
      generatedAt: 1000,
      paid: { count: 1, amountFen: 3750 },
      byPaytype: [],
      byMethod: [{ method: 'cash', paid: { count: 1, amountFen: 3750 } }],
      refunded: { count: 0, amountFen: 0 },
      netFen: 3750,
      cancelled: 0,
      failed: 0,
      attention: [],
      expectedFen: 13250,
      cash: {
        floatFen: 10000,
        sales: { count: 1, amountFen: 3750 },
        refunds: { count: 0, amountFen: 0 },
        paidIn: { count: 0, amountFen: 0 },
        paidOut: { count: 1, amountFen: 500 },
        noSales: 0,
        expectedFen: 13250,
        count: { pieces: { '10000': 1, '100': 2 }, countedFen: 10200, overShortFen: -3050, approvedBy: '主管' },
      },
    })
    expect(csv).toContain('method_paid,cash,1,37.50\r\n')
    expect(csv).toContain('drawer,paid_out,1,5.00\r\n')
    expect(csv).toContain('drawer_count,100.00,1,100.00\r\n')
    expect(csv).toContain('drawer_count,1.00,2,2.00\r\n')
    expect(csv).toContain('drawer,over_short,,-30.50\r\n')
  })
})
