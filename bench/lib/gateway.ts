// Shared set-up: a sandbox gateway for the demo merchant, the gateway config
// a core needs to use it, and temp folders for journals.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_MERCHANT, demoSandboxOptions } from '../../electron/gateway/sandbox/demo'
import { startSandboxGateway, type SandboxGateway, type SandboxOptions } from '../../electron/gateway/sandbox/server'
import type { GatewayConfig } from '../../electron/settings/service'

export function gatewayConfigFor(url: string): GatewayConfig {
  return { mode: 'demo', baseUrl: url, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } }
}

export function startSandbox(over: Partial<SandboxOptions> = {}): Promise<SandboxGateway> {
  return startSandboxGateway(demoSandboxOptions({ enableControl: true, ...over }))
}

/**
 * A temp folder for a journal. `disk` puts it on the real disk (fsync costs
 * count: latency, throughput); 'memory' puts it on tmpfs when there is one
 * (simulations and soak, where the disk is not what is measured).
 */
export function tempDir(prefix: string, where: 'disk' | 'memory' = 'disk'): { path: string; remove(): void } {
  const base = where === 'memory' && process.platform === 'linux' ? '/dev/shm' : tmpdir()
  const path = mkdtempSync(join(base, `counter-${prefix}-`))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** Counts requests per gateway call at the sandbox (its own request log is bounded). */
export function countRequests(sandbox: SandboxGateway): { counts: Map<string, number>; byOrder: Map<string, number>; stop(): void } {
  const counts = new Map<string, number>()
  const byOrder = new Map<string, number>()
  const store = sandbox.state
  const original = store.record.bind(store)
  store.record = (req) => {
    const call = req.call ?? 'unknown'
    counts.set(call, (counts.get(call) ?? 0) + 1)
    if (req.outTradeNo) byOrder.set(`${call}:${req.outTradeNo}`, (byOrder.get(`${call}:${req.outTradeNo}`) ?? 0) + 1)
    original(req)
  }
  return { counts, byOrder, stop: () => (store.record = original) }
}
