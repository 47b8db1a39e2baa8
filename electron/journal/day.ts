// The day summary's per-operator figures (日结): sales and refunds of a set of
// shifts grouped by the operator who did them. The shifts themselves and their
// figures come from ShiftsRepo; this is only the per-operator split.
import type { Db } from './db'

/** One operator's count and sum (fen); `operator_no` null: rows from before operators. */
export interface OperatorAgg {
  operator_no: string | null
  /** The cashier name the rows carry (the name typed at the shift), for rows without an operator. */
  name: string
  n: number
  s: number
}

export class DayRepo {
  constructor(private readonly db: Db) {}

  /** Paid orders of the shifts (cash and wallets), by the operator who took them. Same rule as the shift report: state paid. */
  salesByOperator(shiftIds: string[]): OperatorAgg[] {
    return this.db
      .prepare(
        `SELECT operator_no, max(cashier) name, count(*) n, coalesce(sum(amount_fen),0) s FROM orders
         WHERE shift_id IN (SELECT value FROM json_each(?)) AND state = 'paid' GROUP BY operator_no ORDER BY operator_no`,
      )
      .all(JSON.stringify(shiftIds)) as OperatorAgg[]
  }

  /** Successful refunds of the shifts (cash and wallets), by the operator who made them. */
  refundsByOperator(shiftIds: string[]): OperatorAgg[] {
    return this.db
      .prepare(
        `SELECT r.operator_no, '' name, count(*) n, coalesce(sum(r.amount_fen),0) s FROM refunds r
         WHERE r.shift_id IN (SELECT value FROM json_each(?)) AND r.state = 'success' GROUP BY r.operator_no ORDER BY r.operator_no`,
      )
      .all(JSON.stringify(shiftIds)) as OperatorAgg[]
  }
}
