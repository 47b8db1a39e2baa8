// Through the core's dispatch, as the renderer would: a journal with the
// single supervisor PIN migrates to manager 0001; a locked counter sells
// nothing; orders, refunds and shifts carry the operator (and the approver);
// op_user_id on pay, refund and cancel is the signed-in operator's number.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'
import type { OrderView, ShiftView } from '../shared/contract'
import { NOS, PINS } from '../test-support/operators-kit'

let core: TestCore | undefined
afterEach(async () => {
  await core?.dispose()
  core = undefined
})

const ok = async <T>(p: Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>): Promise<T> => {
  const r = await p
  if (!r.ok) throw new Error(`refused: ${r.error?.code}`)
  return r.value as T
}
const code = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
  const r = await p
  return r.ok ? 'ok' : r.error?.code
}

async function staffed(c: TestCore) {
  await ok(c.dispatch('operators:setupFirstManager', { name: '店长', pin: PINS.manager }))
  await ok(c.dispatch('operators:create', { operatorNo: NOS.supervisor, name: '主管', role: 'supervisor', pin: PINS.supervisor }))
  await ok(c.dispatch('operators:create', { operatorNo: NOS.cashier, name: '收银员甲', role: 'cashier', pin: PINS.cashier }))
}

const opUserIds = (c: TestCore, call: string) =>
  c.services.journal.audit.all().filter((a) => a.call === call).map((a) => (JSON.parse(a.request) as { op_user_id?: string }).op_user_id)

describe('operators in the core', () => {
  it('migrates a journal with the single supervisor PIN to manager 0001 at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'counter-ops-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    core = await startTestCore({}, dir)
    await ok(core.dispatch('settings:setPin', { next: '808182' }))
    expect((await ok<{ enabled: boolean }>(core.dispatch('operators:status', {}))).enabled).toBe(false)
    await core.close()
    core = await startTestCore({}, dir)
    expect(await ok(core.dispatch('operators:status', {}))).toMatchObject({ enabled: true, signedIn: null })
    expect(await code(core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant }))).toBe('COUNTER_LOCKED')
    expect(await code(core.dispatch('operators:signIn', { operatorNo: '0001', pin: '111111' }))).toBe('PIN_INVALID')
    const s = await ok<{ signedIn: { role: string } }>(core.dispatch('operators:signIn', { operatorNo: '0001', pin: '808182' }))
    expect(s.signedIn.role).toBe('manager')
    const audit = await ok<{ action: string }[]>(core.dispatch('operators:audit', {}))
    expect(audit.map((a) => a.action).reverse()).toEqual(['operators.migrated', 'signIn', 'signIn'])
    await core.close()
    core = await startTestCore({}, dir) // once only
    await ok(core.dispatch('operators:signIn', { operatorNo: '0001', pin: '808182' }))
    expect((await ok<unknown[]>(core.dispatch('operators:list', {}))).length).toBe(1)
  })

  it('a cashier sells and a supervisor approves the refund: rows, audit and op_user_id say who', async () => {
    core = await startTestCore()
    await staffed(core)
    await ok(core.dispatch('operators:signIn', { operatorNo: NOS.cashier, pin: PINS.cashier }))
    const shift = await ok<ShiftView>(core.dispatch('shifts:open', { cashier: '别的名字', floatFen: 0 }))
    expect([shift.cashier, shift.operatorNo]).toEqual(['别的名字', NOS.cashier])
    const sale = await ok<OrderView>(core.dispatch('payment:payByCode', { amountFen: 500, authCode: CODES.instant }))
    expect((await core.settle(sale.outTradeNo)).state).toBe('paid')
    expect(core.services.journal.orders.get(sale.outTradeNo)).toMatchObject({ operator_no: NOS.cashier, cashier: '别的名字' })
    expect(opUserIds(core, 'pay')).toEqual([NOS.cashier])

    const refund = { outTradeNo: sale.outTradeNo, amountFen: 100 }
    expect(await code(core.dispatch('refunds:create', { ...refund, pin: PINS.cashier }))).toBe('ROLE_REQUIRED')
    expect(await code(core.dispatch('refunds:create', { ...refund, approval: { operatorNo: NOS.supervisor, pin: '111111' } }))).toBe('PIN_INVALID')
    await ok(core.dispatch('refunds:create', { ...refund, approval: { operatorNo: NOS.supervisor, pin: PINS.supervisor } }))
    expect(core.services.journal.refunds.forOrder(sale.outTradeNo)).toMatchObject([{ operator_no: NOS.cashier, approver_no: NOS.supervisor }])
    expect(opUserIds(core, 'refund')).toEqual([NOS.cashier])

    // The cashier may not close with a difference alone; the supervisor approves, both on the shift.
    expect(await code(core.dispatch('shifts:close', { pin: PINS.cashier }))).toBe('ROLE_REQUIRED')
    await ok(core.dispatch('shifts:close', { approval: { operatorNo: NOS.supervisor, pin: PINS.supervisor } }))
    const closed = (await ok<ShiftView[]>(core.dispatch('shifts:list', {})))[0]
    expect([closed?.closedBy, closed?.closeApprover]).toEqual([NOS.cashier, NOS.supervisor])

    const manager = { operatorNo: NOS.manager, pin: PINS.manager }
    expect(await code(core.dispatch('operators:audit', {}))).toBe('ROLE_REQUIRED') // a cashier signed in
    const csv = await ok<{ csv: string; rows: number }>(core.dispatch('operators:auditCsv', { approval: manager }))
    expect(csv.csv).toContain(`,${NOS.cashier},refund,ok,${NOS.supervisor},${sale.outTradeNo},`)
    const audit = await ok<{ action: string; outcome: string; operatorNo: string; approverNo: string | null }[]>(core.dispatch('operators:audit', { approval: manager }))
    const refunds = audit.filter((a) => a.action === 'refund').map((a) => [a.outcome, a.operatorNo, a.approverNo])
    expect(refunds).toEqual([['ok', NOS.cashier, NOS.supervisor], ['refused', NOS.cashier, NOS.supervisor], ['refused', NOS.cashier, null]])
  })

  it('locking finishes the payment in flight (its cancel still names the operator) and refuses new ones', async () => {
    core = await startTestCore()
    await staffed(core)
    await ok(core.dispatch('operators:signIn', { operatorNo: NOS.cashier, pin: PINS.cashier }))
    const sale = await ok<OrderView>(core.dispatch('payment:payByCode', { amountFen: 300, authCode: CODES.neverPays }))
    await ok(core.dispatch('operators:lock', {}))
    expect(await code(core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant }))).toBe('COUNTER_LOCKED')
    expect(await code(core.dispatch('payment:stop', { outTradeNo: sale.outTradeNo }))).toBe('COUNTER_LOCKED')
    expect(['cancelled', 'closed']).toContain((await core.settle(sale.outTradeNo, 30_000)).state)
    expect(opUserIds(core, 'cancel').every((id) => id === NOS.cashier)).toBe(true)
    expect(opUserIds(core, 'cancel').length).toBeGreaterThan(0)
    // Settings: a manager's, by approval, audited with the fields (not the values).
    await ok(core.dispatch('operators:signIn', { operatorNo: NOS.cashier, pin: PINS.cashier }))
    expect(await code(core.dispatch('settings:update', { patch: { storeName: '新店' }, approval: { operatorNo: NOS.supervisor, pin: PINS.supervisor } }))).toBe('ROLE_REQUIRED')
    await ok(core.dispatch('settings:update', { patch: { storeName: '新店' }, approval: { operatorNo: NOS.manager, pin: PINS.manager } }))
    const row = core.services.journal.operators.audit({ limit: 1 })[0]
    expect(row).toMatchObject({ action: 'settings', outcome: 'ok', operator_no: NOS.cashier, approver_no: NOS.manager })
    expect(JSON.parse(row?.detail ?? '{}')).toMatchObject({ fields: 'storeName' })
  })
})
