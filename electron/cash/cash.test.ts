// Cash at the counter through the contract, with a virtual ESC/POS printer on
// loopback TCP: a cash sale is paid at once (never at the gateway), the drawer
// opens with all five pulse bytes, refunds/paid-in/paid-out/no-sale need the
// PIN, and the drawer's expected cash keeps wallet money out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseEscPos } from '../../native-bridge/printer/testing/escpos-parser'
import { VirtualPrinter } from '../../native-bridge/printer/testing/virtual-printer'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import type { CashMovementView, OrderView, PrinterConfig, RefundView, ShiftReport } from '../shared/contract'

const PIN = '808182'
let core: TestCore
let vp: VirtualPrinter

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached')
    await new Promise((r) => setTimeout(r, 10))
  }
}

function value<T>(r: { ok: boolean; value?: unknown; error?: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error?.code}: ${r.error?.message}`)
  return r.value as T
}

/** What reached the paper: the virtual printer also records the status checks (DLE EOT) as connections. */
function printed(): Uint8Array[] {
  return vp.jobs.filter((j) => j.length > 0 && j[0] !== 0x10)
}

export function tcpPrinter(port: number, over: Partial<PrinterConfig> = {}): PrinterConfig {
  return { connection: { kind: 'tcp', host: '127.0.0.1', port }, width: 58, drawer: { kind: 'printer' }, drawerPulse: { m: 0, t1: 0x19, t2: 0xfa }, autoPrint: false, ...over }
}

beforeEach(async () => {
  vp = new VirtualPrinter()
  await vp.start()
  core = await startTestCore({ printing: { slot: { statusEveryMs: 0, jobTimeoutMs: 1_000, statusTimeoutMs: 200 }, backoff: { firstMs: 50, maxMs: 200 } } })
  core.services.settings.setPin(PIN)
  value(await core.dispatch('devices:configure', { printer: tcpPrinter(vp.port) }))
})
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
  await vp.stop()
})

describe('cash tender', () => {
  it('is paid at once as method cash, never sent to the gateway; change = given − due; the drawer opens', async () => {
    const tendered: unknown[] = []
    core.bus.on('cash:tendered', (t) => tendered.push(t))
    const r = value<{ order: OrderView; tendered: { changeFen: number; givenFen: number } }>(await core.dispatch('cash:sale', { amountFen: 3750, givenFen: 5000 }))
    expect(r.order).toMatchObject({ method: 'cash', paytype: null, state: 'paid', amountFen: 3750 })
    expect(r.tendered).toMatchObject({ givenFen: 5000, changeFen: 1250 })
    expect(tendered).toHaveLength(1)
    expect(core.services.sandbox!.state.findOrder(r.order.outTradeNo)).toBeUndefined()
    expect(core.services.journal.audit.forRef(r.order.outTradeNo)).toEqual([])
    await until(() => printed().length >= 1)
    expect(parseEscPos(printed()[0]!).drawerPulses).toEqual([{ m: 0, t1: 0x19, t2: 0xfa }])

    const short = await core.dispatch('cash:sale', { amountFen: 3750, givenFen: 3000 })
    expect(!short.ok && short.error).toMatchObject({ code: 'VALIDATION', params: { reason: 'given-below-due' } })
  })

  it('a cash refund needs the PIN, is final at once, opens the drawer; paid-in/out and no-sale need the PIN and are audited', async () => {
    const sale = value<{ order: OrderView }>(await core.dispatch('cash:sale', { amountFen: 2000, givenFen: 2000 })).order
    const noPin = await core.dispatch('refunds:create', { outTradeNo: sale.outTradeNo, amountFen: 500, pin: '' })
    expect(!noPin.ok && noPin.error.code).toBe('PIN_REQUIRED')
    const refund = value<RefundView>(await core.dispatch('refunds:create', { outTradeNo: sale.outTradeNo, amountFen: 500, pin: PIN }))
    expect(refund.state).toBe('success')
    const over = await core.dispatch('refunds:create', { outTradeNo: sale.outTradeNo, amountFen: 1600, pin: PIN })
    expect(!over.ok && over.error.code).toBe('CONFLICT')
    expect(value<{ order: OrderView }>(await core.dispatch('orders:get', { outTradeNo: sale.outTradeNo })).order.refundedFen).toBe(500)

    const wrong = await core.dispatch('cash:move', { kind: 'paid_in', amountFen: 100, reason: '零钱', pin: '111111' })
    expect(!wrong.ok && wrong.error.code).toBe('PIN_INVALID')
    const paidIn = value<CashMovementView>(await core.dispatch('cash:move', { kind: 'paid_in', amountFen: 5000, reason: '换零钱', pin: PIN }))
    expect(paidIn).toMatchObject({ kind: 'paid_in', amountFen: 5000, reason: '换零钱', approvedBy: '主管' })
    const tooMuch = await core.dispatch('cash:move', { kind: 'paid_out', amountFen: 999_999, reason: '买水', pin: PIN })
    expect(!tooMuch.ok && tooMuch.error.code).toBe('CONFLICT')
    value(await core.dispatch('cash:move', { kind: 'paid_out', amountFen: 300, reason: '买水', pin: PIN }))
    const ns = value<CashMovementView>(await core.dispatch('cash:noSale', { reason: '找零钱', pin: PIN }))
    expect(core.services.journal.audit.forRef(`M${ns.id}`)).toMatchObject([{ call: 'cash:no_sale', outcome: 'ok' }])
    // sale, refund, paid-in, paid-out, no-sale: five drawer openings, each ESC p with all five bytes
    await until(() => printed().length >= 5)
    expect(printed().map((j) => [...j])).toEqual(Array.from({ length: 5 }, () => [0x1b, 0x70, 0x00, 0x19, 0xfa]))
    const moves = value<CashMovementView[]>(await core.dispatch('cash:movements', {}))
    expect(moves.map((m) => m.kind)).toEqual(['no_sale', 'paid_out', 'paid_in', 'refund', 'sale'])
  })

  it('a cash sale with no shift open opens it under the signed-in operator, not the default name', async () => {
    value(await core.dispatch('operators:setupFirstManager', { operatorNo: '0001', name: '王店长', pin: '314159', supervisorPin: PIN }))
    expect(core.services.shifts.current()).toBeNull()
    const r = value<{ order: OrderView }>(await core.dispatch('cash:sale', { amountFen: 500, givenFen: 1000 }))
    expect(r.order.cashier).toBe('王店长')
    expect(core.services.shifts.current()).toMatchObject({ cashier: '王店长', operatorNo: '0001' })
  })
})

describe('the drawer in the shift report', () => {
  it('expected cash = float + cash sales − cash refunds + paid-in − paid-out; wallets by paytype apart; count, over/short, limit', async () => {
    value(await core.dispatch('shifts:open', { cashier: '李四', floatFen: 10_000 }))
    const cashSale = value<{ order: OrderView }>(await core.dispatch('cash:sale', { amountFen: 3750, givenFen: 5000 })).order
    const wallet = value<OrderView>(await core.dispatch('payment:payByCode', { amountFen: 1000, authCode: CODES.instant }))
    await core.settle(wallet.outTradeNo)
    value(await core.dispatch('refunds:create', { outTradeNo: cashSale.outTradeNo, amountFen: 750, pin: PIN }))
    value(await core.dispatch('cash:move', { kind: 'paid_in', amountFen: 2000, reason: '零钱', pin: PIN }))
    value(await core.dispatch('cash:move', { kind: 'paid_out', amountFen: 500, reason: '快递费', pin: PIN }))
    value(await core.dispatch('cash:noSale', { pin: PIN }))

    const x = value<ShiftReport>(await core.dispatch('shifts:xReport', {}))
    expect(x.expectedFen).toBe(10_000 + 3750 - 750 + 2000 - 500)
    expect(x.cash).toMatchObject({ floatFen: 10_000, sales: { count: 1, amountFen: 3750 }, refunds: { count: 1, amountFen: 750 }, paidIn: { amountFen: 2000 }, paidOut: { amountFen: 500 }, noSales: 1, count: null })
    expect(x.byPaytype).toEqual([{ paytype: 'WECHAT', paid: { count: 1, amountFen: 1000 }, refunded: { count: 0, amountFen: 0 } }])
    expect(x.byMethod.find((m) => m.method === 'cash')?.paid).toEqual({ count: 1, amountFen: 3750 })
    expect(x.paid).toEqual({ count: 2, amountFen: 4750 })
    expect(x.netFen).toBe(4000)

    // 14,500 expected; counted 14,000 + 3×1 jiao... short by 470 fen: within the default 10 yuan limit.
    const pieces = { '10000': 1, '2000': 2, '10': 3 }
    value(await core.dispatch('cash:setSettings', { settings: { overShortLimitFen: 200 }, pin: PIN }))
    const refused = await core.dispatch('shifts:close', { pin: PIN, count: { pieces } })
    expect(!refused.ok && refused.error).toMatchObject({ code: 'CONFIRM_REQUIRED', params: { reason: 'over-short', overShortFen: '-470', limitFen: '200' } })
    expect(core.services.shifts.current()).not.toBeNull()
    const z = value<ShiftReport>(await core.dispatch('shifts:close', { pin: PIN, count: { pieces }, acceptOverShort: true }))
    expect(z.cash?.count).toEqual({ pieces, countedFen: 14_030, overShortFen: -470, approvedBy: '主管' })
    expect(value<ShiftReport>(await core.dispatch('shifts:report', { shiftId: z.shift.id }))).toEqual(z)
  })
})
