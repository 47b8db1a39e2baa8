// Receipt documents rendered as the printer would get them (ESC/POS, GB18030)
// and read back: widths, the DEMO line, money, escaping of names.
import { describe, expect, it } from 'vitest'
import { parseEscPos } from '../../native-bridge/printer/testing/escpos-parser'
import { COLUMNS, type DayReceipt, type ReceiptHeader, type SaleReceipt } from './receipt-data'
import { esc, receiptDocument, receiptMoney, receiptTime } from './receipt-doc'
import { renderEscPos, renderSvg } from './render'

const header: ReceiptHeader = { storeName: '好邻居|便利店', counterId: 'POS01', cashier: '王五', demo: false }
const sale: SaleReceipt = { kind: 'sale', header, outTradeNo: 'POS0120261202000001', at: Date.UTC(2026, 11, 2, 4, 5, 6), method: 'code', paytype: 'ALIPAY', totalFen: 1234567, couponFen: 500, transactionId: '2026120222001', maskedCode: '2812********0003' }
const width = (line: string) => [...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)

describe('receipt documents', () => {
  it.each([58, 80] as const)('%i mm: every line fits the paper, the content is all there', (paper) => {
    const job = parseEscPos(renderEscPos(receiptDocument(sale), paper))
    for (const line of job.lines) expect(width(line)).toBeLessThanOrEqual(COLUMNS[paper])
    const text = job.lines.join('\n')
    for (const want of ['好邻居|便利店', '销售小票', 'POS01', '王五', 'POS0120261202000001', '2026-12-02 12:05:06', '支付宝 付款码', '￥12,345.67', '-￥5.00', '￥12,340.67', '2026120222001', '2812********0003'])
      expect(text).toContain(want)
    expect(text).not.toContain('DEMO')
    expect(job.cuts).toBeGreaterThan(0)
  })

  it('demo receipts say DEMO; cash receipts show tendered and change; refunds show the refund', () => {
    const demo = parseEscPos(renderEscPos(receiptDocument({ ...sale, header: { ...header, demo: true }, method: 'cash', paytype: undefined, couponFen: undefined, cashGivenFen: 2000000, changeFen: 765433 }), 58)).lines.join('\n')
    expect(demo).toContain('DEMO')
    expect(demo).toContain('现金')
    expect(demo).toMatch(/实收现金\s+￥20,000\.00/)
    expect(demo).toMatch(/找零\s+￥7,654\.33/)
    const refund = parseEscPos(renderEscPos(receiptDocument({ kind: 'refund', header, outTradeNo: 'O1', outRefundNo: 'R1', at: 0, method: 'code', paytype: 'WECHAT', refundFen: 250, approvedBy: '店长' }), 80)).lines.join('\n')
    expect(refund).toContain('退款凭证')
    expect(refund).toMatch(/退款金额\s+￥2\.50/)
    expect(refund).toContain('店长')
  })

  it('the preview is the same document as SVG', () => {
    const svg = renderSvg(receiptDocument(sale), 58)
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg.replace(/<[^>]+>/g, '')).toContain('￥12,345.67')
  })

  it('formats money in integer fen with separators and the full-width yuan sign', () => {
    expect(receiptMoney(0)).toBe('￥0.00')
    expect(receiptMoney(5)).toBe('￥0.05')
    expect(receiptMoney(100000000)).toBe('￥1,000,000.00')
    expect(receiptMoney(-1250)).toBe('-￥12.50')
    expect(receiptTime(Date.UTC(2026, 0, 1, 16, 0, 0))).toBe('2026-01-02 00:00:00')
    expect(esc('a|b{c}')).toBe('a\\|b\\{c\\}')
    expect(esc('---')).toBe('\\---')
  })

  it.each([58, 80] as const)('%i mm: X/Z report keeps the drawer apart from the wallets; the count and over/short print; cash slips fit', (paper) => {
    const z = receiptDocument({
      kind: 'report', header, report: 'Z', shiftId: 'S1', openedAt: 0, closedAt: 3_600_000, at: 3_600_000,
      paid: { count: 3, amountFen: 5750 }, refunded: { count: 1, amountFen: 750 }, netFen: 5000,
      byPaytype: [{ paytype: 'WECHAT', paidFen: 2000, paidCount: 2, refundedFen: 0 }],
      cash: { floatFen: 10000, salesFen: 3750, refundsFen: 750, paidInFen: 2000, paidOutFen: 500, noSales: 1, expectedFen: 14500, count: { countedFen: 14030, overShortFen: -470, pieces: { '10000': 1, '2000': 2, '10': 3 } } },
    })
    const job = parseEscPos(renderEscPos(z, paper))
    for (const line of job.lines) expect(width(line)).toBeLessThanOrEqual(COLUMNS[paper])
    const text = job.lines.join('\n')
    expect(text).toContain('交班报表 (Z)')
    expect(text).toMatch(/微信支付 2 笔\s+￥20\.00/)
    expect(text).toMatch(/应有现金\s+￥145\.00/)
    expect(text).toMatch(/实点现金\s+￥140\.30/)
    expect(text).toMatch(/短款\s+-￥4\.70/)
    expect(text).toMatch(/￥0\.10 × 3\s+￥0\.30/)
    const slip = parseEscPos(renderEscPos(receiptDocument({ kind: 'movement', header, movement: 'paid_out', id: 7, amountFen: 500, reason: '快递费', approvedBy: '主管', at: 0 }), paper))
    for (const line of slip.lines) expect(width(line)).toBeLessThanOrEqual(COLUMNS[paper])
    expect(slip.lines.join('\n')).toMatch(/现金支出[\s\S]*M7[\s\S]*￥5\.00[\s\S]*快递费/)
  })

  it.each([58, 80] as const)('%i mm: the day receipt (日结): totals, the drawer as one drawer through the day, one block per operator; the Z shows what went to the safe', (paper) => {
    const day: DayReceipt = {
      kind: 'day', header, day: '2026-12-02', at: Date.UTC(2026, 11, 2, 13, 0, 0),
      shifts: [{ id: 'S1', cashier: '张三', openedAt: Date.UTC(2026, 11, 2, 0, 0, 0), closedAt: Date.UTC(2026, 11, 2, 6, 0, 0) }, { id: 'S2', cashier: '李四', openedAt: Date.UTC(2026, 11, 2, 6, 5, 0), closedAt: null }],
      paid: { count: 4, amountFen: 9950 }, refunded: { count: 2, amountFen: 700 }, netFen: 9250,
      byPaytype: [{ paytype: 'ALIPAY', paidFen: 3000, paidCount: 1, refundedFen: 0 }],
      cash: { openingFloatFen: 10000, floatAddedFen: 1000, salesFen: 4950, refundsFen: 200, paidInFen: 2000, paidOutFen: 500, netFen: 6250, takenOutFen: 8000, takenOutAtEndFen: 3000, expectedFen: 12250, countedFen: 12200, overShortFen: -50, leftFen: 9200, countedShifts: 2, uncountedShifts: 0 },
      operators: [
        { operatorNo: '0003', name: '收银员甲', salesCount: 2, salesFen: 5750, refundsFen: 500, overShortFen: 0, shiftsClosed: 1 },
        { operatorNo: '0004', name: '收银员乙|二', salesCount: 2, salesFen: 4200, refundsFen: 200, overShortFen: -50, shiftsClosed: 1 },
      ],
    }
    const job = parseEscPos(renderEscPos(receiptDocument(day), paper))
    for (const line of job.lines) expect(width(line)).toBeLessThanOrEqual(COLUMNS[paper])
    const text = job.lines.join('\n')
    expect(text).toContain('日结报表 (Z)')
    expect(text).toMatch(/营业日\s+2026-12-02/)
    expect(text).toMatch(/张三\s+08:00–14:00/)
    expect(text).toMatch(/李四\s+14:05–未结/)
    expect(text).toMatch(/净额\s+￥92\.50/)
    expect(text).toMatch(/支付宝 1 笔\s+￥30\.00/)
    // The day's drawer, each line adding up: 100 + 10 + 62.50 − 50 = 122.50 expected; counted 122.00; 30 more to the safe, 92.00 left.
    expect(text).toMatch(/当日备用金\s+￥100\.00\n交班时增减备用金\s+￥10\.00\n现金收款\s+￥49\.50\n现金退款\s+-￥2\.00\n零钱存入\s+￥20\.00\n现金支出\s+-￥5\.00\n现金收支合计\s+￥62\.50\n交班存入保险柜\s+-￥50\.00\n应有现金（日终）\s+￥122\.50\n实点现金（日终）\s+￥122\.00\n短款（各班合计）\s+-￥0\.50\n日终存入保险柜\s+-￥30\.00\n留存钱箱\s+￥92\.00\n存入保险柜合计\s+￥80\.00/)
    expect(text).toMatch(/0004 收银员乙\|二[\s\S]*收款 2 笔\s+￥42\.00[\s\S]*结班 1 次 短款\s+-￥0\.50/)
    expect(job.cuts).toBeGreaterThan(0)
    const uncounted = parseEscPos(renderEscPos(receiptDocument({ ...day, cash: { ...day.cash, uncountedShifts: 1 } }), paper)).lines.map((l) => l.trim())
    expect(uncounted).toEqual(expect.arrayContaining(['1 个班次结班未点钞', '（按应有现金计）']))

    const z = receiptDocument({
      kind: 'report', header, report: 'Z', shiftId: 'S1', openedAt: 0, closedAt: 1, at: 1, paid: { count: 0, amountFen: 0 }, refunded: { count: 0, amountFen: 0 }, netFen: 0, byPaytype: [],
      cash: { floatFen: 10000, salesFen: 3750, refundsFen: 0, paidInFen: 0, paidOutFen: 0, noSales: 0, expectedFen: 13750, count: { countedFen: 13750, overShortFen: 0, pieces: { '10000': 1 }, takenOutFen: 5000, leftFen: 8750 } },
    })
    const zText = parseEscPos(renderEscPos(z, paper)).lines.join('\n')
    expect(zText).toMatch(/取出存入保险柜\s+-￥50\.00/)
    expect(zText).toMatch(/留存下一班\s+￥87\.50/)
  })

  it('the title prints at 2x (double width and height, not squashed) and fits 58 mm on one line; a reprint says so on a line of its own', () => {
    const slip = receiptDocument({ kind: 'movement', header, movement: 'no_sale', id: 3, amountFen: 0, reason: '', approvedBy: null, at: 0, reprint: true })
    expect(slip).toContain('^^^开钱箱（无销售）\n"（重印）\n')
    const lines = parseEscPos(renderEscPos(slip, 58)).lines.map((l) => l.trim())
    // The longest title: 8 CJK at 2x = 32 columns, all of 58 mm.
    expect(lines).toContain('开钱箱（无销售）')
    expect(lines).toContain('（重印）')
    expect(receiptDocument({ kind: 'test', header, at: 0, width: 58 })).toContain('\n^^^打印测试页\n')
  })
})
