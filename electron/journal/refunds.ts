import type { RefundState } from '../shared/contract'
import type { Db } from './db'

export interface RefundRow {
  out_refund_no: string
  out_trade_no: string
  amount_fen: number
  state: RefundState
  step: string
  refund_id: string | null
  failure_code: string | null
  failure_message: string | null
  reason: string
  shift_id: string | null
  /** Who asked for the refund and who approved it (v6; null before operators / the shared supervisor PIN). */
  operator_no?: string | null
  approver_no?: string | null
  created_at: number
  updated_at: number
}

export type RefundChanges = Partial<Pick<RefundRow, 'step' | 'refund_id' | 'failure_code' | 'failure_message'>>

export class RefundsRepo {
  constructor(private readonly db: Db) {}

  insert(row: Omit<RefundRow, 'state' | 'refund_id' | 'failure_code' | 'failure_message' | 'updated_at'>): RefundRow {
    this.db
      .prepare(
        `INSERT INTO refunds (out_refund_no, out_trade_no, amount_fen, state, step, reason, shift_id, operator_no, approver_no, created_at, updated_at)
         VALUES (@out_refund_no, @out_trade_no, @amount_fen, 'created', @step, @reason, @shift_id, @operator_no, @approver_no, @created_at, @created_at)`,
      )
      .run({ operator_no: null, approver_no: null, ...row })
    return this.get(row.out_refund_no) as RefundRow
  }

  get(outRefundNo: string): RefundRow | undefined {
    return this.db.prepare(`SELECT * FROM refunds WHERE out_refund_no = ?`).get(outRefundNo) as RefundRow | undefined
  }

  forOrder(outTradeNo: string): RefundRow[] {
    return this.db.prepare(`SELECT * FROM refunds WHERE out_trade_no = ? ORDER BY created_at, out_refund_no`).all(outTradeNo) as RefundRow[]
  }

  update(outRefundNo: string, state: RefundState, changes: RefundChanges, at: number): RefundRow {
    const sets = ['state = @state', 'updated_at = @at']
    const params: Record<string, unknown> = { outRefundNo, state, at }
    for (const [k, v] of Object.entries(changes)) {
      sets.push(`${k} = @${k}`)
      params[k] = v ?? null
    }
    this.db.prepare(`UPDATE refunds SET ${sets.join(', ')} WHERE out_refund_no = @outRefundNo`).run(params)
    return this.get(outRefundNo) as RefundRow
  }

  open(): RefundRow[] {
    return this.db.prepare(`SELECT * FROM refunds WHERE state NOT IN ('success','failed','review') ORDER BY created_at`).all() as RefundRow[]
  }

  /** Fen already refunded or possibly being refunded (anything not failed): the cap for a new refund. */
  committedFen(outTradeNo: string): number {
    return (this.db.prepare(`SELECT coalesce(sum(amount_fen),0) s FROM refunds WHERE out_trade_no = ? AND state != 'failed'`).get(outTradeNo) as { s: number }).s
  }

  successFen(outTradeNo: string): number {
    return (this.db.prepare(`SELECT coalesce(sum(amount_fen),0) s FROM refunds WHERE out_trade_no = ? AND state = 'success'`).get(outTradeNo) as { s: number }).s
  }
}
