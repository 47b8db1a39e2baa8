// Row 4's data: a journal with 1,000,000 orders (about two years of a busy
// counter: one shift a day, ~1,370 orders per shift, 1% refunded, a few
// flagged for review), made fast with prepared INSERTs in one transaction and
// cached under .tmp/ between runs. The schema comes from the app's own
// migrations, so the file opens like any journal.
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrate } from '../electron/journal/db'
import { msg } from '../electron/shared/contract'
import { encodeMessage } from '../electron/shared/stored-message'
import { seededRandom } from './lib/stats'

export const BIG_JOURNAL = '.tmp/bench-journal-1m.sqlite3'
export const BIG_ORDERS = 1_000_000
export const SHIFTS = 730
const START = Date.UTC(2024, 0, 1, 1, 0, 0)
const DAY = 86_400_000
const PAYTYPES = ['WECHAT', 'WECHAT', 'WECHAT', 'ALIPAY', 'ALIPAY', 'UNIONPAY'] as const
const METHODS = ['code', 'code', 'code', 'code', 'face', 'qr'] as const

export const shiftId = (day: number): string => `S${String(day).padStart(6, '0')}`

/** The cached file, generated first when missing. Returns how long generation took (0 when cached). */
export function ensureBigJournal(path = BIG_JOURNAL, log: (s: string) => void = () => {}): number {
  if (existsSync(path)) return 0
  mkdirSync(dirname(path), { recursive: true })
  const t0 = performance.now()
  const tmp = `${path}.part`
  rmSync(tmp, { force: true })
  const db = new Database(tmp)
  migrate(db)
  // Generation only: no crash safety needed, the file is renamed into place at the end.
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  const rand = seededRandom(20250106)
  const order = db.prepare(
    `INSERT INTO orders (out_trade_no, method, paytype, amount_fen, body, state, step, auth_code_masked, transaction_id, failure_code, failure_message, attention, refunded_fen, cashier, shift_id, submitted_at, created_at, updated_at, paid_at)
     VALUES (?, ?, ?, ?, '演示门店01', ?, ?, ?, ?, ?, ?, ?, ?, 'cashier1', ?, ?, ?, ?, ?)`,
  )
  const refund = db.prepare(
    `INSERT INTO refunds (out_refund_no, out_trade_no, amount_fen, state, step, refund_id, reason, shift_id, created_at, updated_at) VALUES (?, ?, ?, 'success', ?, ?, '', ?, ?, ?)`,
  )
  const shift = db.prepare(`INSERT INTO shifts (id, cashier, float_fen, opened_at, closed_at, z_report) VALUES (?, 'cashier1', 50000, ?, ?, NULL)`)
  const perShift = Math.ceil(BIG_ORDERS / SHIFTS)
  db.transaction(() => {
    let n = 0
    for (let day = 0; day < SHIFTS; day++) {
      const opened = START + day * DAY
      // The last shift stays open (the one a Z report would close).
      shift.run(shiftId(day), opened, day === SHIFTS - 1 ? null : opened + 12 * 3_600_000)
      for (let i = 0; i < perShift && n < BIG_ORDERS; i++, n++) {
        const created = opened + Math.floor((i / perShift) * 12 * 3_600_000)
        const no = `benchdev01_${String(n).padStart(12, '0')}${'AB'[n % 2]}${'CD'[(n >> 1) % 2]}`
        const r = rand()
        const state = r < 0.93 ? 'paid' : r < 0.96 ? 'cancelled' : r < 0.985 ? 'failed' : r < 0.995 ? 'closed' : 'review'
        const paytype = PAYTYPES[Math.floor(rand() * PAYTYPES.length)]!
        const method = METHODS[Math.floor(rand() * METHODS.length)]!
        const amount = 100 + Math.floor(rand() * 30_000)
        const paid = state === 'paid'
        const refunded = paid && rand() < 0.01 ? Math.max(1, Math.floor(amount / 2)) : 0
        order.run(
          no,
          method,
          paytype,
          amount,
          state,
          encodeMessage(paid ? msg('PAID') : state === 'review' ? msg('CANNOT_CANCEL') : state === 'failed' ? msg('PAY_FAILED', { code: '10006', text: '余额不足' }) : msg('CANCELLED_BY_CASHIER')),
          method === 'code' ? '1345****0000' : null,
          paid || state === 'review' ? `7551${String(n).padStart(14, '0')}` : null,
          state === 'failed' ? '10006' : null,
          state === 'failed' ? encodeMessage(msg('GATEWAY_REFUSED', { code: '10006', text: '余额不足' })) : null,
          state === 'review' ? encodeMessage(msg('ATTENTION_CANCEL_WINDOW_PASSED', { minutes: 5, outcome: 'unknown' })) : null,
          refunded,
          shiftId(day),
          created + 5,
          created,
          created + 3_000,
          paid ? created + 3_000 : null,
        )
        if (refunded) refund.run(`R${String(n).padStart(8, '0')}_${no.slice(-20)}`, no, refunded, encodeMessage(msg('REFUND_SUCCEEDED', { amountFen: refunded })), `REF${n}`, shiftId(day), created + 60_000, created + 60_000)
      }
    }
    db.prepare(`INSERT INTO counters (name, value) VALUES ('order', ?)`).run(BIG_ORDERS)
  })()
  db.close()
  renameSync(tmp, path)
  const ms = performance.now() - t0
  log(`generated ${BIG_ORDERS.toLocaleString()} orders in ${(ms / 1000).toFixed(1)} s → ${path}`)
  return ms
}
