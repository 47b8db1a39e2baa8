// Test helper (not a test): a sandbox on loopback and a client pointed at it,
// with a settable clock, a memory log and collected audit entries.
import { memoryLogger, type MemoryLogger } from '../kernel/logger'
import { createGatewayClient } from '../gateway/client'
import { DEMO_MERCHANT, demoSandboxOptions } from '../gateway/sandbox/demo'
import { startSandboxGateway, type SandboxGateway, type SandboxOptions } from '../gateway/sandbox/server'
import type { GatewayAuditEntry, GatewayClient, GatewayClientOptions } from '../gateway/types'

export interface TestPair {
  sandbox: SandboxGateway
  client: GatewayClient
  clock: { now: number; advance(ms: number): void }
  log: MemoryLogger
  audits: GatewayAuditEntry[]
  /** A client with other options against the same sandbox. */
  clientWith(overrides: Partial<GatewayClientOptions>): GatewayClient
}

export async function startPair(opts: { sandbox?: Partial<SandboxOptions>; client?: Partial<GatewayClientOptions> } = {}): Promise<TestPair> {
  const clock = {
    now: Date.UTC(2025, 0, 15, 2, 0, 0),
    advance(ms: number) {
      clock.now += ms
    },
  }
  const sandbox = await startSandboxGateway(demoSandboxOptions({ now: () => clock.now, ...opts.sandbox }))
  const log = memoryLogger()
  const audits: GatewayAuditEntry[] = []
  const base: GatewayClientOptions = {
    baseUrl: sandbox.url,
    agentId: DEMO_MERCHANT.agentId,
    mchId: DEMO_MERCHANT.mchId,
    keys: { ...DEMO_MERCHANT.keys },
    pid: 'counter',
    version: '1.0',
    timeoutMs: 2_000,
    log,
    onAudit: (e) => audits.push(e),
    ...opts.client,
  }
  return {
    sandbox,
    client: createGatewayClient(base),
    clock,
    log,
    audits,
    clientWith: (overrides) => createGatewayClient({ ...base, ...overrides }),
  }
}

/** A WeChat payment code (18 digits, starts 13) ending in the given scenario suffix. */
export function wechatCode(suffix = '4242'): string {
  return `1345678901234${'0'.repeat(5 - suffix.length)}${suffix}`.slice(0, 18)
}

let seq = 0
/** A fresh out_trade_no per call. */
export function tradeNo(prefix = 'T'): string {
  seq += 1
  return `${prefix}${Date.now()}${seq}`
}
