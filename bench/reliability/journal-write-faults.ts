// The journal fault matrix, disk-full part: the journal stops taking writes
// (a real 4 MiB tmpfs filled to ENOSPC → SQLITE_FULL, or SQLite refusing every
// write through injected TEMP triggers) at each step of a code payment, a
// refund and a shift close. Every cell must end with: no sale taken while the
// books are unknown, no double charge, no paid order lost after reconciliation,
// the problem shown. One fresh core (real journal, in-process sandbox) per cell.
import { injectWriteFailure, smallDisk, type SmallDisk } from '../../electron/test-support/journal-write-faults'
import { CODES, startTestCore, type TestCore } from '../../electron/test-support/payments-kit'
import { msg, type AppHealth, type OrderView } from '../../electron/shared/contract'
import { checkOrder } from './agreement'

export type JournalFault = 'write-error' | 'disk-full'
export const JOURNAL_FAULTS: readonly JournalFault[] = ['write-error', 'disk-full']

export interface JournalFaultCell {
  step: string
  fault: JournalFault
  /** false when the fault cannot be made here (no tmpfs without root). */
  ran: boolean
  ok: boolean
  why: string
  /** Orders checked against the sandbox after reconciliation. */
  orders: number
  /** Order/refund states the journal refused and the counter kept in memory (then wrote). */
  kept: number
}

interface Env {
  c: TestCore
  breakJournal(): void
  /** Breaks the journal when the sandbox receives the `nth` `call` (its answer then meets a failing journal). */
  breakAt(call: string, nth?: number): Promise<void>
}

const until = async (what: string, cond: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

async function pay(c: TestCore, amountFen: number, authCode: string): Promise<OrderView> {
  const r = await c.dispatch('payment:payByCode', { amountFen, authCode })
  if (!r.ok) throw new Error(`sale refused: ${r.error.code}`)
  return r.value as OrderView
}

/** The steps: what happens, and where the journal breaks. Each returns once the fault has been met. */
const STEPS: { step: string; run(e: Env): Promise<void> }[] = [
  { step: 'code: scan', run: async (e) => e.breakJournal() },
  {
    step: 'code: pay answer (instant)',
    run: async (e) => {
      const hit = e.breakAt('pay')
      const o = await pay(e.c, 1201, CODES.instant)
      await hit
      await e.c.settle(o.outTradeNo)
    },
  },
  {
    step: 'code: customer enters password',
    run: async (e) => {
      const hit = e.breakAt('orderquery')
      const o = await pay(e.c, 1202, CODES.password)
      await hit
      await e.c.settle(o.outTradeNo)
    },
  },
  {
    step: 'code: Stop → cancel',
    run: async (e) => {
      const hit = e.breakAt('cancel')
      const o = await pay(e.c, 1203, CODES.neverPays)
      e.c.services.engine.stop(o.outTradeNo)
      await hit
      await e.c.settle(o.outTradeNo)
    },
  },
  {
    step: 'refund: request',
    run: async (e) => {
      const o = await e.c.settle((await pay(e.c, 1204, CODES.instant)).outTradeNo)
      e.breakJournal()
      const r = await e.c.dispatch('refunds:create', { outTradeNo: o.outTradeNo, amountFen: 500, pin: '808182' })
      if (r.ok || r.error.code !== 'JOURNAL') throw new Error(`refund while failing: ${r.ok ? 'accepted' : r.error.code}`)
    },
  },
  {
    step: 'refund: answer',
    run: async (e) => {
      const o = await e.c.settle((await pay(e.c, 1205, CODES.instant)).outTradeNo)
      const hit = e.breakAt('refund')
      await e.c.dispatch('refunds:create', { outTradeNo: o.outTradeNo, amountFen: 500, pin: '808182' })
      await hit
      await e.c.services.refunds.idle()
    },
  },
  {
    step: 'refund: follow-up query',
    run: async (e) => {
      const o = await e.c.settle((await pay(e.c, 1206, CODES.instant)).outTradeNo)
      const hit = e.breakAt('refundquery', 2) // the 1st is the pre-check against refunds made elsewhere
      await e.c.dispatch('refunds:create', { outTradeNo: o.outTradeNo, amountFen: 591, pin: '808182' }) // .91: PROCESSING first
      await hit
      await e.c.services.refunds.idle()
    },
  },
  {
    step: 'shift close',
    run: async (e) => {
      await e.c.settle((await pay(e.c, 1207, CODES.instant)).outTradeNo)
      e.breakJournal()
      const r = await e.c.dispatch('shifts:close', { pin: '808182' })
      if (r.ok || r.error.code !== 'JOURNAL') throw new Error(`close while failing: ${r.ok ? 'accepted' : r.error.code}`)
    },
  },
  {
    step: 'shift close: reconciliation',
    run: async (e) => {
      await e.c.settle((await pay(e.c, 1208, CODES.instant)).outTradeNo)
      await paidButVoided(e.c, 'RLVOIDEDPAID0000001', 1209)
      const hit = e.breakAt('orderquery')
      const r = await e.c.dispatch('shifts:close', { pin: '808182' })
      if (!r.ok) throw new Error(`close refused: ${r.error.code}`)
      await hit
    },
  },
]

/** A sale the journal voided although the gateway took the money (what reconciliation must find). */
async function paidButVoided(c: TestCore, no: string, fen: number): Promise<void> {
  await c.services.gateway().pay({ outTradeNo: no, totalFee: fen, body: 't', authCode: CODES.instant })
  const j = c.services.journal
  j.orders.insert({ out_trade_no: no, method: 'code', paytype: 'WECHAT', amount_fen: fen, body: 't', step: msg('ORDER_CREATING'), auth_code_masked: null, cashier: 'c', shift_id: c.services.shifts.currentId(), created_at: Date.now() })
  j.orders.transition(no, 'failed', { failure_code: 'NOT_SUBMITTED' }, msg('TECHNICAL', { text: 'voided (rolled-back journal)' }), Date.now())
}

async function runCell(step: (typeof STEPS)[number], fault: JournalFault): Promise<JournalFaultCell> {
  let disk: SmallDisk | null = null
  if (fault === 'disk-full') {
    disk = smallDisk()
    if (!disk) return { step: step.step, fault, ran: false, ok: true, why: 'no tmpfs here (needs root)', orders: 0, kept: 0 }
  }
  const c = await startTestCore({ reconcileRatePerSec: 200 }, disk?.dir)
  const problems: string[] = []
  c.bus.on('app:problem', (p) => problems.push(p.code ?? p.kind))
  let kept = 0
  c.bus.on('payment:update', (o) => void (o.unrecorded && kept++))
  c.bus.on('refunds:update', (r) => void (c.services.engine.ctx.unrecordedRefunds.has(r.outRefundNo) && kept++))
  let heal: () => void = () => {}
  let broken = false
  const breakJournal = () => {
    if (broken) return
    broken = true
    if (disk) {
      const d = disk
      d.fill(c.services.journal.db)
      heal = () => d.free()
    } else heal = injectWriteFailure(c.services.journal.db).heal
  }
  const store = c.services.sandbox?.state
  const breakAt = (call: string, nth = 1) =>
    new Promise<void>((resolve) => {
      if (!store) return resolve()
      const original = store.record.bind(store)
      let seen = 0
      store.record = (req) => {
        original(req)
        if (req.call === call && ++seen === nth) {
          store.record = original
          breakJournal()
          resolve()
        }
      }
    })
  try {
    c.services.settings.setPin('808182')
    await c.dispatch('shifts:open', { cashier: 'r', floatFen: 0 })
    await step.run({ c, breakJournal, breakAt })
    if (!broken) throw new Error('the fault was never reached')

    // While the books are unknown: the problem is shown and no sale is taken.
    await until('journal failing reported', () => c.services.engine.ctx.deps.writes.failing || c.services.engine.ctx.deps.writes.probe() !== null)
    const health = await c.dispatch('app:health', {})
    if (!health.ok || (health.value as AppHealth).journal !== 'failing') throw new Error('app:health did not report the journal failing')
    const atSandbox = store?.orders.size
    const sale = await c.dispatch('payment:payByCode', { amountFen: 9999, authCode: CODES.instant })
    if (sale.ok || sale.error.code !== 'JOURNAL') throw new Error(`a sale was taken while the journal failed (${sale.ok ? 'accepted' : sale.error.code})`)
    if (store?.orders.size !== atSandbox) throw new Error('a pay request reached the gateway while the journal failed')
    if (!problems.includes('journal-failing')) throw new Error('no app:problem journal-failing')

    heal()
    await until('journal writable again', () => c.services.engine.ctx.deps.writes.probe() === null && !c.services.engine.ctx.deps.writes.failing)
    await c.services.engine.ctx.deps.writes.settled()
    await c.services.engine.idle()
    await c.services.refunds.idle()
    // Reconciliation: the Z close starts it (or it is already running for the close cell).
    if (c.services.shifts.current()) {
      const z = await c.dispatch('shifts:close', { pin: '808182' })
      if (!z.ok) throw new Error(`close after healing refused: ${z.error.code}`)
    }
    await c.services.reconciler.idle()
    await c.services.refunds.idle()

    const db = c.services.journal.db
    const bad: string[] = []
    let orders = 0
    for (const o of store?.orders.values() ?? []) {
      orders++
      const v = checkOrder(db, c.services.sandbox!, o.outTradeNo)
      if (!v.ok) bad.push(`${o.outTradeNo}: ${v.why}`)
    }
    const paidByAmount = new Map<number, number>()
    for (const o of store?.orders.values() ?? []) if (o.status === 'paid' || o.status === 'refund') paidByAmount.set(o.totalFee, (paidByAmount.get(o.totalFee) ?? 0) + 1)
    for (const [fen, n] of paidByAmount) if (n > 1) bad.push(`double charge: ${n} paid orders of ${fen} fen`)
    const run = c.services.reconciler.latest({ shiftId: (db.prepare(`SELECT id FROM shifts ORDER BY opened_at DESC LIMIT 1`).get() as { id: string }).id })
    if (!run?.finishedAt) bad.push('reconciliation did not finish')
    return { step: step.step, fault, ran: true, ok: bad.length === 0, why: bad.join('; '), orders, kept }
  } catch (e) {
    return { step: step.step, fault, ran: true, ok: false, why: e instanceof Error ? e.message : String(e), orders: 0, kept }
  } finally {
    heal()
    await c.services.engine.idle().catch(() => undefined)
    await c.dispose()
    disk?.unmount()
  }
}

export async function runJournalWriteFaults(log: (s: string) => void = () => {}): Promise<JournalFaultCell[]> {
  const cells: JournalFaultCell[] = []
  for (const step of STEPS) {
    for (const fault of JOURNAL_FAULTS) {
      const cell = await runCell(step, fault)
      cells.push(cell)
      if (!cell.ok) log(`  journal fault FAIL ${step.step} × ${fault}: ${cell.why}`)
    }
  }
  return cells
}

export const JOURNAL_FAULT_STEPS = STEPS.map((s) => s.step)
