// The drawer per counter over a period, from the replicated cash movements,
// drawer counts and shifts (store schema v2):
//   expectedFen = floats of shifts opened in the period + cash sales − cash refunds + paid-in − paid-out
//   countedFen / overShortFen / takenOutFen = the counts made at close in the period
// Run inside storeReport's snapshot (one REPEATABLE READ transaction).
import type { PoolClient } from 'pg'

export interface StoreDrawer {
  counterId: string
  floatFen: number
  cashSalesFen: number
  cashRefundsFen: number
  paidInFen: number
  paidOutFen: number
  noSaleCount: number
  expectedFen: number
  /** Shifts closed with a count in the period, and what those counts said. */
  counts: number
  countedFen: number
  overShortFen: number
  takenOutFen: number
}

const SQL = `
  WITH mv AS (
    SELECT counter_id,
      COALESCE(SUM(amount_fen) FILTER (WHERE kind = 'sale'), 0) AS sale,
      COALESCE(SUM(amount_fen) FILTER (WHERE kind = 'refund'), 0) AS refund,
      COALESCE(SUM(amount_fen) FILTER (WHERE kind = 'paid_in'), 0) AS paid_in,
      COALESCE(SUM(amount_fen) FILTER (WHERE kind = 'paid_out'), 0) AS paid_out,
      COUNT(*) FILTER (WHERE kind = 'no_sale') AS no_sale
    FROM store_cash_movements WHERE at >= $1 AND at < $2 GROUP BY counter_id
  ), fl AS (
    SELECT counter_id, SUM(float_fen) AS float FROM store_shifts WHERE opened_at >= $1 AND opened_at < $2 GROUP BY counter_id
  ), ct AS (
    SELECT counter_id, COUNT(*) AS n, SUM(counted_fen) AS counted, SUM(over_short_fen) AS over_short, SUM(taken_out_fen) AS taken_out
    FROM store_drawer_counts WHERE at >= $1 AND at < $2 GROUP BY counter_id
  ), ids AS (SELECT counter_id FROM mv UNION SELECT counter_id FROM fl UNION SELECT counter_id FROM ct)
  SELECT ids.counter_id, COALESCE(fl.float, 0)::bigint AS float, COALESCE(mv.sale, 0)::bigint AS sale, COALESCE(mv.refund, 0)::bigint AS refund,
         COALESCE(mv.paid_in, 0)::bigint AS paid_in, COALESCE(mv.paid_out, 0)::bigint AS paid_out, COALESCE(mv.no_sale, 0)::bigint AS no_sale,
         COALESCE(ct.n, 0)::bigint AS n, COALESCE(ct.counted, 0)::bigint AS counted, COALESCE(ct.over_short, 0)::bigint AS over_short, COALESCE(ct.taken_out, 0)::bigint AS taken_out
  FROM ids LEFT JOIN mv USING (counter_id) LEFT JOIN fl USING (counter_id) LEFT JOIN ct USING (counter_id)
  ORDER BY ids.counter_id`

type Row = Record<'counter_id', string> & Record<'float' | 'sale' | 'refund' | 'paid_in' | 'paid_out' | 'no_sale' | 'n' | 'counted' | 'over_short' | 'taken_out', string>

export async function storeDrawers(db: PoolClient, from: number, to: number): Promise<StoreDrawer[]> {
  const rows = (await db.query<Row>(SQL, [from, to])).rows
  return rows.map((r) => {
    const n = (k: keyof Row) => Number(r[k])
    return {
      counterId: r.counter_id,
      floatFen: n('float'),
      cashSalesFen: n('sale'),
      cashRefundsFen: n('refund'),
      paidInFen: n('paid_in'),
      paidOutFen: n('paid_out'),
      noSaleCount: n('no_sale'),
      expectedFen: n('float') + n('sale') - n('refund') + n('paid_in') - n('paid_out'),
      counts: n('n'),
      countedFen: n('counted'),
      overShortFen: n('over_short'),
      takenOutFen: n('taken_out'),
    }
  })
}

/** Operator numbers to names, across the store's shared operators (any store: a report spans the database). */
export async function operatorNames(db: PoolClient): Promise<Map<string, string>> {
  const rows = (await db.query<{ operator_no: string; name: string }>('SELECT DISTINCT ON (operator_no) operator_no, name FROM store_operators ORDER BY operator_no, updated_at DESC')).rows
  return new Map(rows.map((r) => [r.operator_no, r.name]))
}
