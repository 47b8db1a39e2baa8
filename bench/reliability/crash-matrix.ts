// Crash matrix: the crash tests' cases (electron/payments/crash-cases.ts), each
// a real child process SIGKILLed at its point, restarted on the same journal,
// recovered, and checked against the sandbox like every other cell.
import { CRASH_CASES } from '../../electron/test-support/crash-cases'
import { runCrashCase, type CrashCase, type CrashOutcome } from '../../electron/test-support/crash-kit'
import { startSandbox } from '../lib/gateway'
import { FINAL } from './agreement'

export interface CrashCell {
  name: string
  ok: boolean
  states: string
  why: string | null
}

export function crashCaseName(c: CrashCase): string {
  return `${c.action} @ ${c.crashAt}${c.authCode ? ` (code …${c.authCode.slice(-4)})` : ''}${c.amountFen ? ` ¥${(c.amountFen / 100).toFixed(2)}` : ''}`
}

function judge(out: CrashOutcome): string | null {
  if (!out.killed) return 'the child was never killed at that point'
  if (out.orders.length === 0) return 'no order in the journal'
  for (const o of out.orders) {
    const t = out.truth.find((x) => x.outTradeNo === o.outTradeNo)
    if (!t) return `no truth for ${o.outTradeNo}`
    if (!FINAL.has(o.state)) return `${o.outTradeNo} not final (${o.state})`
    if (t.status === 'paying' || t.status === 'unpaid') return `${o.outTradeNo} left ${t.status} at the gateway`
    const paid = t.status === 'paid' || t.status === 'refund'
    if ((o.state === 'paid') !== paid) return `${o.outTradeNo}: journal ${o.state}, gateway ${t.status}`
    const journalRefunded = out.refunds.filter((r) => r.state === 'success').reduce((s, r) => s + r.amountFen, 0)
    if (journalRefunded !== t.refundedFen || o.refundedFen !== t.refundedFen) return `refunded: journal ${journalRefunded}, gateway ${t.refundedFen}`
  }
  if (out.refunds.some((r) => !['success', 'failed', 'review'].includes(r.state))) return 'a refund is not final'
  return null
}

/** Runs every case, `parallel` at a time, on one sandbox (crash cases use no injected faults). */
export async function runCrashMatrix(scale: number, parallel: number, log: (s: string) => void = () => {}): Promise<CrashCell[]> {
  const sandbox = await startSandbox({ timeScale: scale, enableControl: false })
  const cells: CrashCell[] = new Array<CrashCell>(CRASH_CASES.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < CRASH_CASES.length; i = next++) {
      const c = CRASH_CASES[i] as CrashCase
      const name = crashCaseName(c)
      try {
        const out = await runCrashCase(sandbox, c, scale)
        const why = judge(out)
        cells[i] = { name, ok: why === null, states: out.orders.map((o) => `${o.state}/${out.truth.find((t) => t.outTradeNo === o.outTradeNo)?.status}`).join(', '), why }
      } catch (e) {
        cells[i] = { name, ok: false, states: 'error', why: e instanceof Error ? e.message.slice(0, 300) : String(e) }
      }
      log(`  ${cells[i]?.ok ? 'ok  ' : 'FAIL'} ${name}`)
    }
  }
  try {
    await Promise.all(Array.from({ length: parallel }, worker))
  } finally {
    await sandbox.close()
  }
  return cells
}
