// Journal file faults: each fault of electron/journal/file-faults.ts, done to
// a counter that sold, backed up and sold again (the gateway has every sale
// paid), then the core started on the damaged files. A cell passes when:
// the problem is reported (a blocking finding), no sale is taken while the
// books are unknown (refused, and no pay request reaches the gateway), the way
// out works (restore the latest backup, or start a new journal with the PIN),
// every sale the gateway has paid is paid in the journal again (found again
// by recovery / reconciliation), none is charged twice, and the next sale and
// the next start are normal.
import { createCore, type Core } from '../../electron/core/create-core'
import { silentLogger } from '../../electron/kernel/logger'
import { applyFileFault, FILE_FAULTS, putBack, snapshot, type FileFault } from '../../electron/test-support/journal-file-faults'
import { scaledPolicy } from '../../electron/payments/policy'
import { CODES } from '../../electron/test-support/payments-kit'
import type { JournalStatus, OrderView } from '../../electron/shared/contract'
import { gatewayConfigFor, startSandbox, tempDir } from '../lib/gateway'

export type Way = 'restore' | 'start-new'
export interface FileCell {
  fault: FileFault
  way: Way
  ok: boolean
  found: string
  refused: number
  payRequestsWhileUnknown: number
  foundAgain: string
  doubleCharges: number
  ms: number
  why: string | null
}

const PIN = '808182'
const FINAL = ['paid', 'cancelled', 'closed', 'failed', 'review']

async function must<T>(core: Core, name: string, payload: unknown): Promise<T> {
  const r = await core.dispatch(name, payload)
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

export async function runJournalFaults(scale: number, log: (s: string) => void = () => {}): Promise<FileCell[]> {
  const sandbox = await startSandbox({ timeScale: scale })
  let payRequests = 0
  const original = sandbox.state.record.bind(sandbox.state)
  sandbox.state.record = (req) => {
    if (req.call === 'pay') payRequests++
    original(req)
  }
  // holdWal: the last sales still in the WAL when the files are damaged (as between two of the keeper's checkpoints).
  const open = (dir: string, holdWal = false) =>
    createCore({
      userDataDir: dir,
      transport: 'browser',
      version: 'reliability',
      log: silentLogger,
      paymentPolicy: scaledPolicy(scale),
      gatewayTimeoutMs: 2_000,
      gateway: gatewayConfigFor(sandbox.url),
      ...(holdWal ? { journalCheckpoint: { fromBytes: Number.MAX_SAFE_INTEGER } } : {}),
    })
  const sell = async (core: Core, fen: number) => {
    // A journal with the supervisor PIN comes back with it as manager 0001 (electron/operators): sign in first.
    if (core.services.operators.enabled() && !core.services.operators.current()) await must(core, 'operators:signIn', { operatorNo: '0001', pin: PIN })
    const o = await must<OrderView>(core, 'payment:payByCode', { amountFen: fen, authCode: CODES.instant })
    await core.services.engine.idle()
    return o.outTradeNo
  }
  const cells: FileCell[] = []
  try {
    for (const way of ['restore', 'start-new'] as const) {
      for (const fault of FILE_FAULTS) {
        const t0 = performance.now()
        const dir = tempDir(`jf-${fault}`)
        const usb = tempDir(`jf-usb-${fault}`)
        const older = tempDir(`jf-older-${fault}`)
        const crash = tempDir(`jf-crash-${fault}`)
        const cell: FileCell = { fault, way, ok: false, found: '', refused: 0, payRequestsWhileUnknown: 0, foundAgain: '', doubleCharges: 0, ms: 0, why: null }
        try {
          let core = await open(dir.path, fault === 'delete-wal' || fault === 'garble-wal-frame')
          await must(core, 'settings:setPin', { next: PIN })
          await must(core, 'journal:setBackupOptions', { options: { keep: 48, secondFolder: usb.path }, pin: PIN })
          const sales = [await sell(core, 1101)]
          await must(core, 'journal:backupNow', {})
          await core.journal.settle()
          snapshot(dir.path, older.path)
          sales.push(await sell(core, 1102), await sell(core, 1103))
          await core.journal.settle()
          snapshot(dir.path, crash.path) // a power cut here leaves these files
          await core.close()
          if (fault === 'delete-wal' || fault === 'garble-wal-frame') putBack(crash.path, dir.path)
          applyFileFault(fault, dir.path, older.path)

          core = await open(dir.path)
          const info = core.info()
          cell.found = info.journal.findings.map((f) => f.code).join(',')
          if (info.journal.state !== 'problem') throw new Error(`started normally on a ${fault} journal`)
          const before = payRequests
          for (const fen of [1201, 1202, 1203]) {
            const r = await core.dispatch('payment:payByCode', { amountFen: fen, authCode: CODES.instant })
            if (!r.ok && r.error.code === 'JOURNAL_PROBLEM') cell.refused++
          }
          const refund = await core.dispatch('refunds:create', { outTradeNo: sales[0], amountFen: 1, reason: 'x', pin: PIN })
          if (!refund.ok && refund.error.code === 'JOURNAL_PROBLEM') cell.refused++
          cell.payRequestsWhileUnknown = payRequests - before
          if (cell.refused !== 4 || cell.payRequestsWhileUnknown !== 0) throw new Error('a money call went through while the books were unknown')

          const status = await must<JournalStatus>(core, way === 'restore' ? 'journal:restoreLatest' : 'journal:startNew', { pin: PIN })
          if (status.state !== 'ok') throw new Error(`${way} left the journal in ${status.state}`)
          // Every sale the gateway has paid is paid in the journal again, once recovery has asked.
          const until = Date.now() + 20_000
          const stateOf = (no: string) => core.services.journal.orders.get(no)?.state ?? 'absent'
          while (sales.some((no) => !FINAL.includes(stateOf(no))) && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
          await core.services.engine.idle()
          const paidAgain = sales.filter((no) => stateOf(no) === 'paid' && sandbox.state.findOrder(no)?.status === 'paid').length
          cell.foundAgain = `${paidAgain}/${sales.length}`
          // One paid order per sale at the gateway (nothing charged twice), and no other paid order appeared.
          const paidAtGateway = sales.filter((no) => sandbox.state.findOrder(no)?.status === 'paid').length
          if (paidAgain !== sales.length || paidAtGateway !== sales.length) throw new Error(`paid orders found again ${cell.foundAgain}`)
          const next = await sell(core, 1301)
          if (stateOf(next) !== 'paid') throw new Error('the next sale did not go through')
          cell.doubleCharges = payRequests - before - 1 // the only pay request since the fault is the next sale's
          if (cell.doubleCharges !== 0) throw new Error(`${cell.doubleCharges} extra pay requests`)
          await core.close()
          const again = await open(dir.path)
          const state = again.info().journal.state
          await again.close()
          if (state !== 'ok') throw new Error('the start after the way out was not normal')
          cell.ok = true
        } catch (e) {
          cell.why = e instanceof Error ? e.message : String(e)
        } finally {
          cell.ms = Math.round(performance.now() - t0)
          for (const d of [dir, usb, older, crash]) d.remove()
        }
        log(`  ${way} × ${fault}: ${cell.ok ? 'ok' : `FAIL ${cell.why}`}`)
        cells.push(cell)
      }
    }
  } finally {
    sandbox.state.record = original
    await sandbox.close()
  }
  return cells
}
