// Row 2: result-detection delay. The customer confirms on the phone at a random
// moment (uniform over 3–40 s after the scan); we measure how long the real
// engine, querying the real sandbox over loopback, takes to see it, and how
// many orderquery calls it made for that order. Run in simulated time (a
// VirtualClock drives both the engine and the sandbox) for hundreds of orders,
// then for a few orders in real time with a scaled policy to show that the
// simulation tells the truth.
import { createCore, type Core } from '../electron/core/create-core'
import { silentLogger } from '../electron/kernel/logger'
import type { SandboxGateway } from '../electron/gateway/sandbox/server'
import { realClock, type Clock } from '../electron/payments/clock'
import type { PaymentPolicy } from '../electron/payments/policy'
import { scaledPolicy } from '../electron/payments/policy'
import { CODES } from '../electron/test-support/payments-kit'
import type { OrderView } from '../electron/shared/contract'
import { countRequests, gatewayConfigFor, startSandbox, tempDir } from './lib/gateway'
import { seededRandom } from './lib/stats'
import { VirtualClock } from './lib/virtual-clock'

export interface DetectionSample {
  confirmAtMs: number
  delayMs: number
  queries: number
  state: string
}

/** Uniform confirmation moments over 3–40 s (seeded: every run and every policy sees the same customers). */
export function confirmMoments(n: number, seed = 7): number[] {
  const rand = seededRandom(seed)
  return Array.from({ length: n }, () => Math.round(3_000 + rand() * 37_000))
}

async function coreFor(sandbox: SandboxGateway, dir: string, clock: Clock, policy: PaymentPolicy): Promise<Core> {
  return createCore({ userDataDir: dir, transport: 'browser', version: 'bench', log: silentLogger, clock, paymentPolicy: policy, gateway: gatewayConfigFor(sandbox.url), gatewayTimeoutMs: 5_000 })
}

const FINAL = new Set(['paid', 'cancelled', 'closed', 'failed', 'review'])

/** Simulated time: one counter, orders one after another, each confirmed by the sandbox at its moment. */
export async function simulateDetection(policy: PaymentPolicy, moments: readonly number[]): Promise<DetectionSample[]> {
  const clock = new VirtualClock(Date.UTC(2025, 0, 6, 2, 0, 0))
  const sandbox = await startSandbox({ now: clock.now, timeScale: 1 })
  const counter = countRequests(sandbox)
  const dir = tempDir('detect-sim', 'memory')
  const core = await coreFor(sandbox, dir.path, clock, policy)
  const samples: DetectionSample[] = []
  try {
    for (const confirmAt of moments) {
      let final: OrderView | null = null
      let paidAt: number | null = null
      const off = core.bus.on('payment:update', (v) => {
        if (v.state === 'paid' && paidAt === null) paidAt = clock.now()
        if (FINAL.has(v.state)) {
          final = v
          clock.poke()
        }
      })
      const t0 = clock.now()
      const order = core.services.engine.payByCode({ amountFen: 1000, authCode: CODES.neverPays })
      clock.at(t0 + confirmAt, () => sandbox.control.payNow(order.outTradeNo))
      while (!final) {
        await clock.untilAsleep()
        if (final) break
        clock.step()
      }
      off()
      await core.services.engine.idle()
      clock.clearCallbacks()
      const queries = counter.byOrder.get(`orderquery:${order.outTradeNo}`) ?? 0
      const state = (final as OrderView | null)?.state ?? 'unknown'
      samples.push({ confirmAtMs: confirmAt, delayMs: paidAt === null ? Number.NaN : paidAt - (t0 + confirmAt), queries, state })
      // Let the next scan happen a little later, as at a real counter.
      clock.at(clock.now() + 5_000, () => {})
      clock.step()
    }
  } finally {
    await core.close()
    await sandbox.close()
    dir.remove()
  }
  return samples
}

/**
 * Real time: `moments` scaled by `factor`, the policy scaled by the same
 * factor, one counter per order, all at once. Delays are reported scaled back
 * (divided by `factor`) so they compare with the simulation directly.
 */
export async function realTimeDetection(moments: readonly number[], factor: number): Promise<DetectionSample[]> {
  const sandbox = await startSandbox({ timeScale: factor })
  const counter = countRequests(sandbox)
  const policy = scaledPolicy(factor)
  const runs = moments.map(async (confirmAt, i) => {
    const dir = tempDir(`detect-real-${i}`, 'memory')
    const core = await coreFor(sandbox, dir.path, realClock, policy)
    try {
      let paidAt: number | null = null
      let state = 'unknown'
      const off = core.bus.on('payment:update', (v) => {
        if (v.state === 'paid' && paidAt === null) paidAt = performance.now()
        if (FINAL.has(v.state)) state = v.state
      })
      const t0 = performance.now()
      const order = core.services.engine.payByCode({ amountFen: 1000, authCode: CODES.neverPays })
      const confirmedAt = t0 + confirmAt * factor
      const timer = setTimeout(() => sandbox.control.payNow(order.outTradeNo), confirmAt * factor)
      await core.services.engine.idle()
      clearTimeout(timer)
      off()
      const queries = counter.byOrder.get(`orderquery:${order.outTradeNo}`) ?? 0
      return { confirmAtMs: confirmAt, delayMs: paidAt === null ? Number.NaN : ((paidAt as number) - confirmedAt) / factor, queries, state }
    } finally {
      await core.close()
      dir.remove()
    }
  })
  try {
    return await Promise.all(runs)
  } finally {
    await sandbox.close()
  }
}
