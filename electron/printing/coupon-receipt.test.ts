// coupon_fee from the sandbox gateway (pay answer and orderquery) is kept on the
// order (journal) and printed on the sale receipt as 优惠 and 实付; an order
// without a voucher prints neither. Printing never changes the money: the
// order's amount stays the amount asked.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { parseEscPos } from '../../native-bridge/printer/testing/escpos-parser'
import { VirtualPrinter } from '../../native-bridge/printer/testing/virtual-printer'
import { classifyPay } from '../gateway/classify-payments'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import type { OrderView } from '../shared/contract'

let core: TestCore
let vp: VirtualPrinter
beforeEach(async () => {
  vp = new VirtualPrinter()
  await vp.start()
  core = await startTestCore({ printing: { slot: { statusEveryMs: 0, jobTimeoutMs: 500, statusTimeoutMs: 150 }, backoff: { firstMs: 50, maxMs: 150 } } })
  const r = await core.dispatch('devices:configure', { printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: vp.port }, width: 58, drawerPulse: { m: 0, t1: 0x19, t2: 0xfa }, autoPrint: true } })
  if (!r.ok) throw new Error(r.error.message)
})
afterEach(async () => {
  await core.services.engine.idle()
  await core.dispose()
  await vp.stop()
})

async function until(check: () => boolean, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not reached: ${check.toString().slice(0, 160)}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
const receiptOf = async (no: string) => {
  const text = () => vp.jobs.map((j) => parseEscPos(j)).find((p) => p.cuts > 0 && p.lines.join('\n').includes(no))?.lines.join('\n')
  await until(() => text() !== undefined)
  return text()!
}
async function pay(amountFen: number, authCode: string): Promise<OrderView> {
  const r = await core.dispatch('payment:payByCode', { amountFen, authCode })
  if (!r.ok) throw new Error(r.error.message)
  return core.settle((r.value as OrderView).outTradeNo)
}

it('a paid answer with coupon_fee: kept on the order, the receipt shows 优惠 and 实付 (pay answer and orderquery)', async () => {
  const instant = await pay(1234, CODES.coupon)
  expect(instant).toMatchObject({ state: 'paid', amountFen: 1234, couponFen: 500 })
  expect(core.services.journal.orders.get(instant.outTradeNo)?.coupon_fen).toBe(500)
  const text = await receiptOf(instant.outTradeNo)
  expect(text).toMatch(/合计\s+￥12\.34/)
  expect(text).toMatch(/优惠\s+-￥5\.00/)
  expect(text).toMatch(/实付\s+￥7\.34/)

  // Paid after the customer's password: the voucher comes with the orderquery answer.
  const later = await pay(300, CODES.passwordCoupon)
  expect(core.services.journal.orders.get(later.outTradeNo)?.coupon_fen).toBe(300) // never more than the order
  expect(await receiptOf(later.outTradeNo)).toMatch(/实付\s+￥0\.00/)

  const plain = await pay(800, CODES.instant)
  expect(plain.couponFen).toBeUndefined()
  expect(core.services.journal.orders.get(plain.outTradeNo)?.coupon_fen).toBeNull()
  const p = await receiptOf(plain.outTradeNo)
  expect(p).not.toContain('优惠')
  expect(p).not.toContain('实付')
})

it('a coupon_fee that does not parse or exceeds the amount is left out; the order is paid all the same', () => {
  const ex = (coupon: string) => ({ ok: true as const, httpStatus: 200, fields: { code: '10000', trade_state: 'SUCCESS', out_trade_no: 'T1', total_fee: '100', transaction_id: '755', time_end: '20250115100000', coupon_fee: coupon } })
  for (const [coupon, want] of [['40', 40], ['100', 100], ['101', undefined], ['1.00', undefined], ['0', undefined], ['-5', undefined]] as const) {
    const out = classifyPay(ex(coupon), { outTradeNo: 'T1', totalFee: 100 })
    expect(out.kind).toBe('paid')
    expect(out.kind === 'paid' ? out.couponFee : 'x').toBe(want)
  }
})
