// Store-wide reports, computed in PostgreSQL over every counter's replicated
// rows: the daily summary (日结) per counter, per cashier and per wallet, and an
// X report at any time, with the drawer per counter (drawer-report.ts) and per
// operator lines. Sales count by the moment they were paid, refunds by
// the moment they last changed to success; one snapshot (REPEATABLE READ) so the
// totals agree with each other.
import { operatorNames, storeDrawers, type StoreDrawer } from './drawer-report'
import { withClient, type StorePool } from './pool'

export interface StoreTotals {
  salesCount: number
  salesFen: number
  refundsCount: number
  refundsFen: number
  netFen: number
}

export interface StoreReport {
  from: number
  to: number
  total: StoreTotals
  byCounter: (StoreTotals & { counterId: string })[]
  byCashier: (StoreTotals & { cashier: string })[]
  byPaytype: (StoreTotals & { paytype: string })[]
  /** Per operator (the operator who took the order; refunds count against the order's operator, like byCashier). Orders from counters before storesync have none: '' then. */
  byOperator: (StoreTotals & { operatorNo: string; name: string | null })[]
  /** The drawer per counter: drawer-counts.ts. */
  drawers: StoreDrawer[]
}

const SQL = `
  WITH sales AS (
    SELECT counter_id, cashier, COALESCE(operator_no, '') AS operator_no, COALESCE(paytype, 'CASH') AS paytype, amount_fen
    FROM store_orders WHERE state = 'paid' AND paid_at >= $1 AND paid_at < $2
  ), refunds AS (
    SELECT r.counter_id, o.cashier AS order_cashier, COALESCE(o.operator_no, '') AS operator_no, COALESCE(o.paytype, 'CASH') AS paytype, r.amount_fen
    FROM store_refunds r JOIN store_orders o ON o.out_trade_no = r.out_trade_no
    WHERE r.state = 'success' AND r.updated_at >= $1 AND r.updated_at < $2
  ), rows AS (
    SELECT counter_id, cashier, operator_no, paytype, 1 AS sc, amount_fen AS sf, 0 AS rc, 0 AS rf FROM sales
    UNION ALL
    SELECT counter_id, order_cashier, operator_no, paytype, 0, 0, 1, amount_fen FROM refunds
  )
  SELECT GROUPING(counter_id) AS g_counter, GROUPING(cashier) AS g_cashier, GROUPING(paytype) AS g_paytype, GROUPING(operator_no) AS g_operator,
         counter_id, cashier, paytype, operator_no, SUM(sc)::bigint AS sc, SUM(sf)::bigint AS sf, SUM(rc)::bigint AS rc, SUM(rf)::bigint AS rf
  FROM rows GROUP BY GROUPING SETS ((), (counter_id), (cashier), (paytype), (operator_no))`

interface Row {
  g_counter: number
  g_cashier: number
  g_paytype: number
  g_operator: number
  operator_no: string | null
  counter_id: string | null
  cashier: string | null
  paytype: string | null
  sc: string
  sf: string
  rc: string
  rf: string
}

const totals = (r: Row): StoreTotals => ({ salesCount: Number(r.sc), salesFen: Number(r.sf), refundsCount: Number(r.rc), refundsFen: Number(r.rf), netFen: Number(r.sf) - Number(r.rf) })
const ZERO: StoreTotals = { salesCount: 0, salesFen: 0, refundsCount: 0, refundsFen: 0, netFen: 0 }

export async function storeReport(pool: StorePool, from: number, to: number): Promise<StoreReport> {
  return withClient(pool, async (db) => {
    try {
      await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const rows = (await db.query<Row>(SQL, [from, to])).rows
      const drawers = await storeDrawers(db, from, to)
      const names = await operatorNames(db)
      await db.query('COMMIT')
      const report: StoreReport = { from, to, total: ZERO, byCounter: [], byCashier: [], byPaytype: [], byOperator: [], drawers }
      for (const r of rows) {
        const t = totals(r)
        if (r.g_counter && r.g_cashier && r.g_paytype && r.g_operator) report.total = t
        else if (!r.g_counter) report.byCounter.push({ counterId: r.counter_id!, ...t })
        else if (!r.g_cashier) report.byCashier.push({ cashier: r.cashier!, ...t })
        else if (!r.g_paytype) report.byPaytype.push({ paytype: r.paytype!, ...t })
        else report.byOperator.push({ operatorNo: r.operator_no!, name: names.get(r.operator_no!) ?? null, ...t })
      }
      for (const list of [report.byCounter, report.byCashier, report.byPaytype, report.byOperator] as { netFen: number }[][]) list.sort((a, b) => b.netFen - a.netFen)
      return report
    } catch (e) {
      await db.query('ROLLBACK').catch(() => {})
      throw e
    }
  })
}
