// Fault matrix: every gateway call the engine makes × every wire fault the
// sandbox can produce. Each cell is one sale on a fresh core (fresh authinfo
// cache, fresh journal) that is driven until the engine has nothing left to
// do; the cell passes when the fault was actually hit and the journal agrees
// with the money at the sandbox (agreement.ts). Rows run in parallel, each on
// its own sandbox (faults are queued per sandbox); cells in a row run in turn.
import { createCore, type Core } from '../../electron/core/create-core'
import { silentLogger } from '../../electron/kernel/logger'
import type { GatewayCallName } from '../../electron/gateway/calls'
import type { SandboxGateway } from '../../electron/gateway/sandbox/server'
import { FAULTS, type Fault } from '../../electron/gateway/sandbox/types'
import type { GatewayAuditEntry } from '../../electron/gateway/types'
import { scaledPolicy } from '../../electron/payments/policy'
import { CODES } from '../../electron/test-support/payments-kit'
import { gatewayConfigFor, startSandbox, tempDir } from '../lib/gateway'
import { checkOrder } from './agreement'

export const MATRIX_CALLS = ['pay', 'facepay', 'getfaceauth', 'orderquery', 'cancel', 'refund', 'refundquery', 'WECHAT_PreOrder', 'ALIPAY_PreOrder'] as const satisfies readonly GatewayCallName[]
type MatrixCall = (typeof MATRIX_CALLS)[number]

export interface Cell {
  call: MatrixCall
  fault: Fault
  ok: boolean
  journal: string
  gateway: string
  why: string | null
  ms: number
}

const PIN = '808182'

/** The sale that makes the engine reach `call`; `arm` queues the fault at the right moment. */
async function sale(core: Core, call: MatrixCall, arm: () => void, onCall: (fn: (e: GatewayAuditEntry) => void) => void): Promise<string> {
  const { engine, refunds } = core.services
  const refundFlow = async (refundFen: number) => {
    const o = engine.payByCode({ amountFen: 2000, authCode: CODES.instant })
    await engine.idle()
    if (call === 'refund') arm()
    // The follow-up refundquery (not the pre-check before the refund) is the one to fault.
    else onCall((e) => e.call === 'refund' && arm())
    await refunds.create({ outTradeNo: o.outTradeNo, amountFen: refundFen, pin: PIN })
    return o.outTradeNo
  }
  switch (call) {
    case 'refund':
      return refundFlow(1000)
    case 'refundquery':
      return refundFlow(1091) // PROCESSING first, SUCCESS later: followed up with refundquery
    case 'WECHAT_PreOrder':
    case 'ALIPAY_PreOrder':
      arm()
      return engine.payByQr({ amountFen: 1250, paytype: call === 'WECHAT_PreOrder' ? 'WECHAT' : 'ALIPAY' }).outTradeNo
    case 'facepay':
    case 'getfaceauth':
      arm()
      return engine.payByFace({ amountFen: 1000 }).outTradeNo
    case 'orderquery':
      arm()
      return engine.payByCode({ amountFen: 1000, authCode: CODES.password }).outTradeNo
    case 'cancel':
      arm()
      return engine.payByCode({ amountFen: 1000, authCode: CODES.neverPays }).outTradeNo
    case 'pay':
      arm()
      return engine.payByCode({ amountFen: 1000, authCode: CODES.instant }).outTradeNo
  }
}

async function runCell(sandbox: SandboxGateway, call: MatrixCall, fault: Fault, scale: number): Promise<Cell> {
  const t0 = performance.now()
  sandbox.control.clearFaults()
  const dir = tempDir('faults', 'memory')
  let hook: ((e: GatewayAuditEntry) => void) | null = null
  let hit = false
  const core = await createCore({
    userDataDir: dir.path,
    transport: 'browser',
    version: 'reliability',
    log: silentLogger,
    paymentPolicy: scaledPolicy(scale),
    gateway: gatewayConfigFor(sandbox.url),
    // Long enough that a loaded machine does not time out before the request reaches the fault.
    gatewayTimeoutMs: 1_000,
    onGatewayCall: (e) => {
      if (e.call === call && armed && !hit && !sandbox.control.pendingFaults().some((f) => f.call === call)) hit = true
      hook?.(e)
    },
  })
  let armed = false
  const arm = () => {
    armed = true
    sandbox.control.failNext(call, fault)
  }
  try {
    core.services.settings.setPin(PIN)
    const no = await sale(core, call, arm, (fn) => (hook = fn))
    const deadline = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000).unref())
    const settled = await Promise.race([Promise.all([core.services.engine.idle(), core.services.refunds.idle()]), deadline])
    const v = checkOrder(core.services.journal.db, sandbox, no)
    const why = settled === 'timeout' ? 'did not settle in 30 s' : !hit ? 'fault never reached (scenario did not make the call)' : v.why
    return { call, fault, ok: why === null, journal: v.journal, gateway: v.gateway, why, ms: performance.now() - t0 }
  } catch (e) {
    return { call, fault, ok: false, journal: 'error', gateway: '?', why: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 }
  } finally {
    sandbox.control.clearFaults()
    await core.close()
    dir.remove()
  }
}

export async function runFaultMatrix(scale: number, log: (s: string) => void = () => {}): Promise<Cell[]> {
  const rows = await Promise.all(
    MATRIX_CALLS.map(async (call) => {
      const sandbox = await startSandbox({ timeScale: scale })
      const cells: Cell[] = []
      try {
        for (const fault of FAULTS) cells.push(await runCell(sandbox, call, fault, scale))
      } finally {
        await sandbox.close()
      }
      log(`  ${call}: ${cells.filter((c) => c.ok).length}/${cells.length}`)
      return cells
    }),
  )
  return rows.flat()
}
