// Soak: many sales with randomized scenarios on several counters at once
// (separate cores and journals, one sandbox, a heavily scaled policy in real
// time). A sale is the cashier's intent: when its order ends unpaid the cashier
// tries again with the customer's next code (up to 3 orders per sale). Random
// wire faults are queued on random calls, and the cashier sometimes presses
// Stop. At the end: every order final, journal and sandbox agree order by
// order, no sandbox order missing from a journal (lost), at most one paid
// order per sale (double charge).
import { createCore, type Core } from '../../electron/core/create-core'
import { silentLogger } from '../../electron/kernel/logger'
import type { GatewayCallName } from '../../electron/gateway/calls'
import { FAULTS } from '../../electron/gateway/sandbox/types'
import { scaledPolicy } from '../../electron/payments/policy'
import { gatewayConfigFor, startSandbox, tempDir } from '../lib/gateway'
import { pick, seededRandom } from '../lib/stats'
import { checkOrder } from './agreement'

export interface SoakReport {
  sales: number
  orders: number
  paidSales: number
  byState: Record<string, number>
  lost: string[]
  doubleCharged: string[]
  nonFinal: string[]
  disagreements: string[]
  faultsQueued: number
  stops: number
  wallS: number
}

// Payment-code endings the sandbox turns into scenarios (its README); '9999' pays at once.
const CODE_ENDINGS = ['9999', '9999', '9999', '0001', '0002', '0003', '0004', '0005', '0006', '0007', '0008', '0009', '0010', '0011', '0012', '0013', '0014']
const QR_CENTS = [50, 50, 91, 92, 93, 94]
const FAULT_CALLS: GatewayCallName[] = ['pay', 'facepay', 'orderquery', 'cancel', 'WECHAT_PreOrder', 'ALIPAY_PreOrder', 'getfaceauth']

export async function runSoak(payments: number, counters: number, scale: number, seed = 0x50a4, log: (s: string) => void = () => {}): Promise<SoakReport> {
  const t0 = performance.now()
  const rand = seededRandom(seed)
  const sandbox = await startSandbox({ timeScale: scale })
  const dirs = Array.from({ length: counters }, (_, i) => tempDir(`soak-${i}`, 'memory'))
  const cores: Core[] = []
  for (const [i, d] of dirs.entries()) {
    const core = await createCore({ userDataDir: d.path, transport: 'browser', version: 'soak', log: silentLogger, paymentPolicy: scaledPolicy(scale), gateway: gatewayConfigFor(sandbox.url), gatewayTimeoutMs: 120 }) // below the 0006 slow answer (15 s × scale): it times out
    core.services.settings.setPin('480275') // settings changes need the supervisor PIN
    core.services.settings.update({ deviceId: `soak_${i + 1}` }, '480275')
    cores.push(core)
  }
  const report: SoakReport = { sales: 0, orders: 0, paidSales: 0, byState: {}, lost: [], doubleCharged: [], nonFinal: [], disagreements: [], faultsQueued: 0, stops: 0, wallS: 0 }
  const sales = new Map<string, { core: Core; orders: string[] }>()
  let started = 0

  const oneOrder = (core: Core, sale: number) => {
    const amount = 100 + Math.floor(rand() * 50_00)
    const kind = rand()
    if (kind < 0.7) return core.services.engine.payByCode({ amountFen: amount, authCode: `13${String(sale).padStart(12, '0')}${pick(rand, CODE_ENDINGS)}`, body: `soak ${sale}` })
    if (kind < 0.85) return core.services.engine.payByFace({ amountFen: amount })
    return core.services.engine.payByQr({ amountFen: Math.floor(amount / 100) * 100 + pick(rand, QR_CENTS), paytype: rand() < 0.5 ? 'WECHAT' : 'ALIPAY' })
  }

  const counterLoop = async (core: Core) => {
    while (started < payments) {
      const saleNo = started++
      const sale = { core, orders: [] as string[] }
      sales.set(`S${saleNo}`, sale)
      for (let attempt = 0; attempt < 3 && started <= payments + 2 * counters; attempt++) {
        if (rand() < 0.1) {
          sandbox.control.failNext(pick(rand, FAULT_CALLS), pick(rand, FAULTS))
          report.faultsQueued++
        }
        const order = oneOrder(core, saleNo * 3 + attempt)
        sale.orders.push(order.outTradeNo)
        if (rand() < 0.05) {
          report.stops++
          setTimeout(() => core.services.engine.stop(order.outTradeNo), Math.floor(rand() * 2_000 * scale * 10))
        }
        await core.services.engine.idle()
        const row = core.services.journal.orders.get(order.outTradeNo)
        if (row?.state === 'paid' || row?.state === 'review') break
      }
      if ((saleNo + 1) % 1000 === 0) log(`  soak: ${saleNo + 1}/${payments} sales started`)
    }
  }

  try {
    await Promise.all(cores.map(counterLoop))
    await Promise.all(cores.map((c) => c.services.engine.idle()))
    sandbox.control.clearFaults()
    const journalOf = new Map<string, Core>()
    for (const [saleId, sale] of sales) {
      report.sales++
      let paid = 0
      for (const no of sale.orders) {
        report.orders++
        journalOf.set(no, sale.core)
        const v = checkOrder(sale.core.services.journal.db, sandbox, no)
        report.byState[v.journal] = (report.byState[v.journal] ?? 0) + 1
        if (!['paid', 'cancelled', 'closed', 'failed', 'review'].includes(v.journal)) report.nonFinal.push(`${no} ${v.journal}`)
        if (!v.ok) report.disagreements.push(`${no}: ${v.why}`)
        if (v.gateway === 'paid' || v.gateway === 'refund') paid++
      }
      if (paid > 0) report.paidSales++
      if (paid > 1) report.doubleCharged.push(`${saleId}: ${paid} paid orders (${sale.orders.join(', ')})`)
    }
    for (const o of sandbox.state.orders.values()) if (!journalOf.has(o.outTradeNo)) report.lost.push(`${o.outTradeNo} (${o.status}) is at the gateway but in no journal`)
  } finally {
    for (const c of cores) await c.close()
    await sandbox.close()
    for (const d of dirs) d.remove()
  }
  report.wallS = (performance.now() - t0) / 1000
  return report
}
