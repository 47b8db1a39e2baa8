// Row 4: the Z report and the orders screen's searches on a 1,000,000-order
// journal, through the app's own code (computeReport, searchOrders), timed
// warm (after one untimed run), many times each.
import { copyFileSync, rmSync } from 'node:fs'
import { Journal } from '../electron/journal'
import { searchOrders } from '../electron/journal/order-search'
import { computeReport } from '../electron/shifts/report'
import type { OrderQuery, ShiftView } from '../electron/shared/contract'
import { BIG_JOURNAL, ensureBigJournal, shiftId, SHIFTS } from './big-journal'
import { summarize, type Summary } from './lib/stats'

export interface QueryTiming {
  name: string
  summary: Summary
  rows: number
  total?: number
  totalCapped?: boolean
  plan: string[]
}

type Search = Partial<OrderQuery>

const DAY = 86_400_000

export const SEARCHES: { name: string; q: Search }[] = [
  { name: 'latest page (no filter)', q: {} },
  { name: 'order number prefix', q: { text: 'benchdev01_00000054' } },
  { name: 'transaction id prefix', q: { text: '755100000000987' } },
  { name: 'amount ¥123.45', q: { text: '123.45' } },
  { name: 'state = review', q: { state: 'review' } },
  { name: 'needs attention', q: { needsAttention: true } },
  { name: 'ALIPAY, face, one day', q: { paytype: 'ALIPAY', method: 'face', from: Date.UTC(2025, 5, 1), to: Date.UTC(2025, 5, 1) + DAY } },
  { name: 'state = paid (page 1)', q: { state: 'paid' } },
]

function time(fn: () => unknown, runs: number): number[] {
  fn() // warm: statement cache and page cache
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    out.push(performance.now() - t0)
  }
  return out
}

/** Times the Z report and each search on a copy of the cached journal (migrations may add indexes to it). */
export function benchReports(runs: number, log: (s: string) => void = () => {}): { generatedMs: number; zReport: QueryTiming; searches: QueryTiming[] } {
  const generatedMs = ensureBigJournal(BIG_JOURNAL, log)
  const copy = `${BIG_JOURNAL}.run`
  copyFileSync(BIG_JOURNAL, copy)
  const t0 = performance.now()
  const journal = Journal.open(copy) // applies any newer migration (e.g. an index) like the app would
  const migrateMs = performance.now() - t0
  if (migrateMs > 500) log(`journal opened and migrated in ${(migrateMs / 1000).toFixed(1)} s`)
  try {
    const db = journal.db
    const last = db.prepare(`SELECT * FROM shifts WHERE id = ?`).get(shiftId(SHIFTS - 1)) as { id: string; cashier: string; float_fen: number; opened_at: number }
    const shift: ShiftView = { id: last.id, cashier: last.cashier, floatFen: last.float_fen, openedAt: last.opened_at, closedAt: last.opened_at + 12 * 3_600_000 }
    let report = computeReport(journal.shifts.aggregates(shift.id), 'Z', shift, shift.closedAt ?? 0)
    const zTimes = time(() => (report = computeReport(journal.shifts.aggregates(shift.id), 'Z', shift, shift.closedAt ?? 0)), runs)
    const zReport: QueryTiming = {
      name: `Z report (shift of ${report.paid.count + report.cancelled + report.failed + report.attention.length} orders)`,
      summary: summarize(zTimes),
      rows: report.paid.count,
      plan: planOf(db, `SELECT paytype k, count(*) n, coalesce(sum(amount_fen),0) s FROM orders WHERE shift_id = ? AND state = 'paid' GROUP BY paytype`, [shift.id]),
    }
    const searches = SEARCHES.map(({ name, q }) => {
      const full = { limit: 50, offset: 0, ...q }
      let out = searchOrders(db, full)
      const times = time(() => (out = searchOrders(db, full)), runs)
      return { name, summary: summarize(times), rows: out.rows.length, total: out.total, totalCapped: out.totalCapped, plan: searchPlan(db, full) }
    })
    return { generatedMs, zReport, searches }
  } finally {
    journal.close()
    rmSync(copy, { force: true })
    rmSync(`${copy}-wal`, { force: true })
    rmSync(`${copy}-shm`, { force: true })
  }
}

function planOf(db: Journal['db'], sql: string, params: unknown[] | Record<string, unknown>): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]
  return rows.map((r) => r.detail)
}

// The count(*) half of searchOrders is usually the slow one: show both plans.
function searchPlan(db: Journal['db'], q: Search & { limit: number; offset: number }): string[] {
  const captured: { sql: string; params: unknown }[] = []
  const spy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (sql: string) => {
          const stmt = target.prepare(sql)
          return { all: (p: unknown) => (captured.push({ sql, params: p }), []), get: (p: unknown) => (captured.push({ sql, params: p }), { n: 0 }), stmt }
        }
      }
      return Reflect.get(target, prop, receiver) as unknown
    },
  })
  searchOrders(spy, q)
  return captured.flatMap((c) => planOf(db, c.sql, c.params as Record<string, unknown>).map((d) => `${c.sql.startsWith('SELECT count') ? 'count' : 'page'}: ${d}`))
}
