// Test helpers: a core on a temp folder with shrunken timings, against the
// embedded sandbox over real loopback HTTP.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../core/create-core'
import { memoryLogger } from '../kernel/logger'
import type { OrderView } from '../shared/contract'
import { scaledPolicy } from '../payments/policy'

export const TIME_SCALE = 0.01

export interface TestCore extends Core {
  dir: string
  log: ReturnType<typeof memoryLogger>
  /** Wait until the order reaches a final state (or time out). */
  settle(outTradeNo: string, timeoutMs?: number): Promise<OrderView>
  dispose(): Promise<void>
}

export async function startTestCore(over: Partial<CoreOptions> = {}, dir?: string): Promise<TestCore> {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'counter-core-'))
  const log = memoryLogger()
  const core = await createCore({
    userDataDir: folder,
    transport: 'browser',
    version: 'test',
    log,
    paymentPolicy: scaledPolicy(TIME_SCALE),
    sandbox: { timeScale: TIME_SCALE, enableControl: true },
    gatewayTimeoutMs: 2_000,
    ...over,
  })
  return Object.assign(core, {
    dir: folder,
    log,
    async settle(outTradeNo: string, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        const r = await core.dispatch('orders:get', { outTradeNo })
        if (!r.ok) throw new Error(r.error.message)
        const o = (r.value as { order: OrderView }).order
        if (['paid', 'cancelled', 'closed', 'failed', 'review'].includes(o.state)) return o
        if (Date.now() > until) throw new Error(`order ${outTradeNo} still ${o.state} after ${timeoutMs} ms`)
        await new Promise((res) => setTimeout(res, 20))
      }
    },
    async dispose() {
      await core.close()
      if (!dir) rmSync(folder, { recursive: true, force: true })
    },
  })
}

/** Payment codes that pick a sandbox scenario by their last 4 digits. */
export const CODES = {
  instant: '134567890123450000',
  password: '134567890123450001',
  neverPays: '134567890123450002',
  insufficient: '134567890123450003',
  invalid: '134567890123450004',
  closesItself: '134567890123450005',
  slow: '134567890123450006',
  dropAfterCommit: '134567890123450007',
  badSign: '134567890123450008',
  noSign: '134567890123450009',
  html: '134567890123450010',
  http5xx: '134567890123450011',
  truncated: '134567890123450012',
  network30001: '134567890123450013',
  systemError: '134567890123450014',
  coupon: '134567890123450015',
  passwordCoupon: '134567890123450016',
  alipayInstant: '284567890123456780',
} as const
