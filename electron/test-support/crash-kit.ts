// Kill-and-recover harness: run one sale in a real child process that
// SIGKILLs itself at a chosen point, restart a core on the same journal, let
// recovery finish, then compare the journal with the sandbox's truth.
import { fork } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore } from '../core/create-core'
import { silentLogger } from '../kernel/logger'
import { DEMO_MERCHANT } from '../gateway/sandbox/demo'
import type { SandboxGateway } from '../gateway/sandbox/server'
import { scaledPolicy } from '../payments/policy'

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url))

export interface CrashCase {
  action: 'code' | 'qr' | 'face' | 'stop' | 'refund'
  crashAt: string
  authCode?: string
  amountFen?: number
}

export interface CrashOutcome {
  killed: boolean
  orders: { outTradeNo: string; state: string; amountFen: number; refundedFen: number }[]
  /** Sandbox truth per order: status (or 'absent') and refunded fen. */
  truth: { outTradeNo: string; status: string; refundedFen: number; refunds: number }[]
  refunds: { outRefundNo: string; state: string; amountFen: number }[]
}

export async function runCrashCase(sandbox: SandboxGateway, c: CrashCase, timeScale: number): Promise<CrashOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'counter-crash-'))
  const plan = { dir, sandboxUrl: sandbox.url, crashAt: c.crashAt, action: c.action, authCode: c.authCode, amountFen: c.amountFen ?? 1234, timeScale }
  const killed = await new Promise<boolean>((resolve, reject) => {
    const child = fork(CHILD, [JSON.stringify(plan)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    let err = ''
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (signal === 'SIGKILL') resolve(true)
      else if (code === 0) resolve(false)
      else reject(new Error(`crash child exited ${code}: ${err.slice(-2000)}`))
    })
  })

  // Restart on the same journal: recovery runs inside createCore.
  const core = await createCore({
    userDataDir: dir,
    transport: 'browser',
    version: 'recovery-test',
    log: silentLogger,
    paymentPolicy: scaledPolicy(timeScale),
    gateway: { mode: 'demo', baseUrl: sandbox.url, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } },
    gatewayTimeoutMs: 2_000,
  })
  await core.services.engine.idle()
  await core.services.refunds.idle()
  const db = core.services.journal.db
  const orders = (db.prepare('SELECT out_trade_no, state, amount_fen, refunded_fen FROM orders').all() as { out_trade_no: string; state: string; amount_fen: number; refunded_fen: number }[]).map(
    (o) => ({ outTradeNo: o.out_trade_no, state: o.state, amountFen: o.amount_fen, refundedFen: o.refunded_fen }),
  )
  const refunds = (db.prepare('SELECT out_refund_no, state, amount_fen FROM refunds').all() as { out_refund_no: string; state: string; amount_fen: number }[]).map((r) => ({
    outRefundNo: r.out_refund_no,
    state: r.state,
    amountFen: r.amount_fen,
  }))
  const truth = orders.map((o) => {
    const s = sandbox.state.findOrder(o.outTradeNo)
    const list = s ? sandbox.state.refundsOf(s) : []
    return { outTradeNo: o.outTradeNo, status: s?.status ?? 'absent', refundedFen: list.filter((r) => r.status === 'SUCCESS').reduce((t, r) => t + r.refundFee, 0), refunds: list.length }
  })
  await core.close()
  return { killed, orders, truth, refunds }
}
