// Rows 3 and 5, run in a child process so the sandbox (in the parent) gets its
// own CPU and the memory figures are the core's alone. Argument (JSON):
//   { sandboxUrl, counters, payments, warmup, measureMemory }
// `counters` cores (separate journals) each make `payments` instant-success
// payments back to back; the result goes to the parent over IPC.
// Start with `node --expose-gc --import tsx bench/load-child.ts '<json>'`.
import { createCore, type Core } from '../electron/core/create-core'
import { silentLogger } from '../electron/kernel/logger'
import { CODES } from '../electron/test-support/payments-kit'
import { gatewayConfigFor, tempDir } from './lib/gateway'

interface Plan {
  sandboxUrl: string
  counters: number
  payments: number
  warmup: number
  measureMemory: boolean
}

export interface LoadResult {
  wallMs: number
  payments: number
  latenciesMs: number[]
  failures: number
  memory: { rssBefore: number; heapBefore: number; rssAfter: number; heapAfter: number; gcForced: boolean; curve: MemoryPoint[] } | null
}

/** After `payments` payments (gc() forced first): where RSS goes, plateau or steady growth. */
export interface MemoryPoint {
  payments: number
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
}

const curve: MemoryPoint[] = []
function point(payments: number): void {
  collect()
  const m = process.memoryUsage()
  curve.push({ payments, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external })
}

const plan = JSON.parse(process.argv[2] ?? '{}') as Plan
const gc = (globalThis as { gc?: () => void }).gc

function collect(): void {
  for (let i = 0; i < 3; i++) gc?.()
}

/** One sale at a time at this counter: scan, pay, wait for the final state. */
async function sell(core: Core, n: number, latencies: number[] | null): Promise<number> {
  let failures = 0
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    const r = await core.dispatch('payment:payByCode', { amountFen: 100 + (i % 9000), authCode: CODES.instant })
    await core.services.engine.idle()
    if (!r.ok) {
      failures++
      console.error(`load: payByCode refused: ${r.error.code} ${r.error.message}`)
    } else {
      const no = (r.value as { outTradeNo: string }).outTradeNo
      const final = core.services.journal.orders.get(no)
      if (final?.state !== 'paid') {
        failures++
        console.error(`load: ${no} ended ${final?.state}: ${JSON.stringify(final?.step)}; ${core.services.journal.orders.events(no).map((e) => JSON.stringify(e.note)).join(' / ')}`)
      }
    }
    latencies?.push(performance.now() - t0)
    if (latencies && plan.measureMemory && plan.counters === 1 && (i + 1) % 1000 === 0) point(i + 1)
  }
  return failures
}

const dirs = Array.from({ length: plan.counters }, (_, i) => tempDir(`load-${i}`))
const cores = await Promise.all(
  dirs.map((d) => createCore({ userDataDir: d.path, transport: 'browser', version: 'bench', log: silentLogger, gateway: gatewayConfigFor(plan.sandboxUrl) })),
)
// Each counter its own terminal id, as in a shop (order numbers are unique per terminal id).
// (Settings changes need the supervisor PIN, so each counter gets one first.)
cores.forEach((c, i) => {
  c.services.settings.setPin('480275')
  c.services.settings.update({ deviceId: `bench_counter_${i + 1}` }, '480275')
})
await Promise.all(cores.map((c) => sell(c, plan.warmup, null)))
collect()
const before = process.memoryUsage()
const latencies: number[] = []
const t0 = performance.now()
const failures = (await Promise.all(cores.map((c) => sell(c, plan.payments, latencies)))).reduce((a, b) => a + b, 0)
const wallMs = performance.now() - t0
collect()
const after = process.memoryUsage()
const result: LoadResult = {
  wallMs,
  payments: plan.payments * plan.counters,
  latenciesMs: latencies,
  failures,
  memory: plan.measureMemory ? { rssBefore: before.rss, heapBefore: before.heapUsed, rssAfter: after.rss, heapAfter: after.heapUsed, gcForced: gc !== undefined, curve } : null,
}
for (const c of cores) await c.close()
for (const d of dirs) d.remove()
process.send?.(result, () => process.exit(0))
