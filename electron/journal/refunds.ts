import type { Message, RefundState } from '../shared/contract'
import { decodeMaybe, decodeMessage, encodeMaybe, encodeMessage } from '../shared/stored-message'
import type { Db } from './db'
import { OWN_ROWS_SQL, type CounterId } from './counter-id'

export interface RefundRow {
  out_refund_no: string
  out_trade_no: string
  amount_fen: number
  state: RefundState
  step: Message
  refund_id: string | null
  failure_code: string | null
  failure_message: Message | null
  /** The supervisor's own words (not a message). */
  reason: string
  shift_id: string | null
  device_id: string
  /** Who asked for the refund and who approved it (v7; null before operators / the shared supervisor PIN). */
  operator_no?: string | null
  approver_no?: string | null
  created_at: number
  updated_at: number
}

export type RefundChanges = Partial<Pick<RefundRow, 'step' | 'refund_id' | 'failure_code' | 'failure_message'>>

export type StoredRefund = Omit<RefundRow, 'step' | 'failure_message'> & { step: string; failure_message: string | null }

/** A row as SQLite returns it → a RefundRow (message columns parsed, see orders.ts). */
export function refundFromDb(raw: StoredRefund): RefundRow
export function refundFromDb(raw: StoredRefund | undefined): RefundRow | undefined
export function refundFromDb(raw: StoredRefund | undefined): RefundRow | undefined {
  return raw && { ...raw, step: decodeMessage(raw.step), failure_message: decodeMaybe(raw.failure_message) }
}

export class RefundsRepo {
  constructor(
    private readonly db: Db,
    private readonly counter: CounterId,
  ) {}

  insert(row: Omit<RefundRow, 'state' | 'refund_id' | 'failure_code' | 'failure_message' | 'updated_at' | 'device_id'>): RefundRow {
    this.db
      .prepare(
        `INSERT INTO refunds (out_refund_no, out_trade_no, amount_fen, state, step, reason, shift_id, operator_no, approver_no, created_at, updated_at, device_id)
         VALUES (@out_refund_no, @out_trade_no, @amount_fen, 'created', @step, @reason, @shift_id, @operator_no, @approver_no, @created_at, @created_at, @device_id)`,
      )
      .run({ operator_no: null, approver_no: null, ...row, step: encodeMessage(row.step), device_id: this.counter.current() })
    return this.get(row.out_refund_no) as RefundRow
  }

  get(outRefundNo: string): RefundRow | undefined {
    return refundFromDb(this.db.prepare(`SELECT * FROM refunds WHERE out_refund_no = ?`).get(outRefundNo) as StoredRefund | undefined)
  }

  forOrder(outTradeNo: string): RefundRow[] {
    return (this.db.prepare(`SELECT * FROM refunds WHERE out_trade_no = ? ORDER BY created_at, out_refund_no`).all(outTradeNo) as StoredRefund[]).map((r) => refundFromDb(r))
  }

  update(outRefundNo: string, state: RefundState, changes: RefundChanges, at: number): RefundRow {
    const sets = ['state = @state', 'updated_at = @at']
    const params: Record<string, unknown> = { outRefundNo, state, at }
    for (const [k, v] of Object.entries(changes)) {
      sets.push(`${k} = @${k}`)
      params[k] = k === 'step' || k === 'failure_message' ? encodeMaybe(v as Message | null) : (v ?? null)
    }
    this.db.prepare(`UPDATE refunds SET ${sets.join(', ')} WHERE out_refund_no = @outRefundNo`).run(params)
    return this.get(outRefundNo) as RefundRow
  }

  open(): RefundRow[] {
    return (this.db.prepare(`SELECT * FROM refunds WHERE state NOT IN ('success','failed','review') AND ${OWN_ROWS_SQL} ORDER BY created_at`).all() as StoredRefund[]).map((r) => refundFromDb(r))
  }

  /** Refunds flagged `review`, oldest first. */
  inReview(limit: number): string[] {
    return (this.db.prepare(`SELECT out_refund_no FROM refunds WHERE state = 'review' AND ${OWN_ROWS_SQL} ORDER BY updated_at LIMIT ?`).all(limit) as { out_refund_no: string }[]).map((r) => r.out_refund_no)
  }

  /** Fen already refunded or possibly being refunded (anything not failed): the cap for a new refund. */
  committedFen(outTradeNo: string): number {
    return (this.db.prepare(`SELECT coalesce(sum(amount_fen),0) s FROM refunds WHERE out_trade_no = ? AND state != 'failed'`).get(outTradeNo) as { s: number }).s
  }

  successFen(outTradeNo: string): number {
    return (this.db.prepare(`SELECT coalesce(sum(amount_fen),0) s FROM refunds WHERE out_trade_no = ? AND state = 'success'`).get(outTradeNo) as { s: number }).s
  }
}
