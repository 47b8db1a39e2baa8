// Refund at any counter under faults (issue 16's proof): one counter sells,
// the others all race to refund the same order (together they ask for more
// than was paid) while the TCP proxy in front of PostgreSQL passes, drops
// connections mid-transaction (cut at random moments, or dropped once a
// connection has carried a little) or stalls. A counter writes a refund of another
// counter's order only after the store reserved it under the order's row lock,
// so the refunds the counters SENT for an order never add up to more than was
// paid — the gateway's own cap never has to refuse one — and once the way is
// clear every reservation is settled and agrees with the gateway.
import { createCore, type Core } from '../../electron/core/create-core'
import { memoryLogger } from '../../electron/kernel/logger'
import { scaledPolicy } from '../../electron/payments/policy'
import { createStorePool } from '../../electron/store/pool'
import { gatewayConfigFor, tempDir } from '../lib/gateway'
import { CODE, PIN, storeBehindProxy, type Mode } from './store-faults'

export interface StoreRefundRaceResult {
  counters: number
  orders: number
  /** Refunds asked for, written (reserved) and refused (over the cap, or the store away). */
  asked: number
  written: number
  refusedOverCap: number
  refusedUnreachable: number
  /** Orders whose written refunds add up to more than was paid (must be 0). */
  overRefunded: number
  /** Refunds the gateway refused for exceeding what was refundable (must be 0: the store kept them apart). */
  gatewayCapRefusals: number
  /** Reservations still open once everything settled, and orders whose confirmed sum differs from the gateway's refunded sum. */
  openReservations: number
  disagreements: string[]
  ok: boolean
  why: string
}

const PAID = 1_000

export async function runStoreRefundRace(log: (s: string) => void, counters = 4, orders = 8): Promise<StoreRefundRaceResult> {
  const { sandbox, db, proxy, viaProxy } = await storeBehindProxy()
  const pool = createStorePool({ url: db.url })
  const dirs = Array.from({ length: counters }, (_, i) => tempDir(`store-race-${i}`, 'memory'))
  const cores: Core[] = []
  const r: StoreRefundRaceResult = { counters, orders, asked: 0, written: 0, refusedOverCap: 0, refusedUnreachable: 0, overRefunded: 0, gatewayCapRefusals: 0, openReservations: 0, disagreements: [], ok: false, why: '' }
  try {
    for (const d of dirs) {
      const core = await createCore({
        userDataDir: d.path,
        transport: 'browser',
        version: 'rel',
        log: memoryLogger(),
        gateway: gatewayConfigFor(sandbox.url),
        paymentPolicy: scaledPolicy(0.05),
        reviewSweepMs: 0,
        reservationSweepMs: 200,
        replicationTuning: { idleMs: 20, backoff: { firstMs: 50, maxMs: 400 }, batchSize: 40 },
      })
      core.services.settings.setPin(PIN)
      const ok = await core.dispatch('store:configure', { url: viaProxy.toString(), pin: PIN })
      if (!ok.ok) throw new Error(`store:configure: ${ok.error.message}`)
      cores.push(core)
    }
    const [owner, ...racers] = cores as [Core, ...Core[]]
    // All but one racer can be refunded in full; the last would pass what was paid.
    const EACH = Math.floor(PAID / Math.max(1, racers.length - 1))
    const sold: string[] = []
    // 'cut': the way passes, but every open connection is cut at random moments during the race (a
    // reservation committed whose answer is lost, one rolled back mid-transaction, a settle lost).
    const modes: (Mode | 'cut')[] = ['pass', 'cut', 'cut', 'drop', 'cut', 'stall', 'cut', 'pass']
    for (let i = 0; i < orders; i++) {
      const mode = modes[i % modes.length]!
      proxy.set('pass')
      const sale = await owner.dispatch('payment:payByCode', { amountFen: PAID, authCode: CODE })
      if (!sale.ok) throw new Error(`sale: ${sale.error.message}`)
      const no = (sale.value as { outTradeNo: string }).outTradeNo
      sold.push(no)
      const landed = Date.now() + 30_000
      while ((await pool.query(`SELECT 1 FROM store_orders WHERE out_trade_no = $1 AND state = 'paid'`, [no])).rowCount === 0) {
        if (Date.now() > landed) throw new Error(`order ${no} never reached the store`)
        await new Promise((res) => setTimeout(res, 20))
      }
      log(`  store refund race: order ${i + 1}/${orders}, ${racers.length} counters racing, proxy ${mode}`)
      proxy.set(mode === 'cut' ? 'pass' : mode)
      let racing = true
      const cutter = (async () => {
        while (racing && mode === 'cut') {
          await new Promise((res) => setTimeout(res, 20 + Math.random() * 130))
          if (racing) proxy.set('pass') // switching (even to the same mode) destroys what is open
        }
      })()
      const answers = await Promise.all(racers.map((c) => c.dispatch('refunds:create', { outTradeNo: no, amountFen: EACH, pin: PIN })))
      racing = false
      await cutter
      for (const a of answers) {
        r.asked += 1
        if (a.ok) continue
        if (a.error.code === 'CONFLICT') r.refusedOverCap += 1
        else if (a.error.code === 'STORE_UNREACHABLE') r.refusedUnreachable += 1
        else r.disagreements.push(`${no}: refused ${a.error.code} ${a.error.message}`)
      }
    }
    // The way clear: every refund ends, every reservation is settled by its counter (at once or by the sweep).
    proxy.set('pass')
    for (const c of cores) await c.services.refunds.idle()
    const settled = Date.now() + 30_000
    const open = async () => Number((await pool.query(`SELECT count(*) AS n FROM store_refund_reservations WHERE state = 'reserved'`)).rows[0].n)
    while ((await open()) > 0 && Date.now() < settled) await new Promise((res) => setTimeout(res, 50))
    r.openReservations = await open()

    for (const no of sold) {
      const rows = racers.flatMap((c) => c.services.journal.refunds.forOrder(no))
      r.written += rows.length
      const sent = rows.reduce((s, x) => s + x.amount_fen, 0)
      if (sent > PAID) r.overRefunded += 1
      r.gatewayCapRefusals += rows.filter((x) => x.state === 'failed' && x.failure_code === '20008').length
      const order = sandbox.state.findOrder(no)
      const atGateway = order ? sandbox.state.refundsOf(order).filter((x) => x.status === 'SUCCESS').reduce((s, x) => s + x.refundFee, 0) : 0
      const confirmed = Number((await pool.query(`SELECT COALESCE(SUM(amount_fen), 0) AS s FROM store_refund_reservations WHERE out_trade_no = $1 AND state = 'confirmed'`, [no])).rows[0].s)
      if (confirmed !== atGateway) r.disagreements.push(`${no}: reservations confirmed ${confirmed} fen, the gateway refunded ${atGateway}`)
      if (atGateway > PAID) r.overRefunded += 1
    }
    const problems = [
      r.overRefunded > 0 ? `${r.overRefunded} orders over-refunded` : '',
      r.gatewayCapRefusals > 0 ? `${r.gatewayCapRefusals} refunds sent over the cap (the gateway refused them)` : '',
      r.openReservations > 0 ? `${r.openReservations} reservations never settled` : '',
      r.refusedOverCap === 0 ? 'no race was ever refused over the cap (the cell proved nothing)' : '',
      ...r.disagreements.slice(0, 3),
    ].filter(Boolean)
    r.ok = problems.length === 0
    r.why = problems.join('; ')
    r.disagreements = r.disagreements.slice(0, 20)
    return r
  } finally {
    for (const c of cores) await c.close()
    for (const d of dirs) d.remove()
    await pool.end()
    await proxy.close()
    await db.drop()
    await sandbox.close()
  }
}
