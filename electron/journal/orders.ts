// Orders and their transitions. Every state change is one transaction that
// updates the row and appends to order_events, committed (synchronous=FULL)
// before the engine makes the network call that depends on it.
import type { Message, OrderState, PayMethod, PayType } from '../shared/contract'
import { decodeMaybe, decodeMessage, encodeMaybe, encodeMessage } from '../shared/stored-message'
import type { Db } from './db'
import { OWN_ROWS_SQL, type CounterId } from './counter-id'

export interface OrderRow {
  out_trade_no: string
  method: PayMethod
  paytype: PayType | null
  amount_fen: number
  body: string
  state: OrderState
  step: Message
  awaiting_customer: number
  deadline_at: number | null
  auth_code_masked: string | null
  transaction_id: string | null
  code_url: string | null
  failure_code: string | null
  failure_message: Message | null
  attention: Message | null
  refunded_fen: number
  cashier: string
  shift_id: string | null
  /** The counter that wrote the row (counter-id.ts). */
  device_id: string
  submitted_at: number | null
  created_at: number
  updated_at: number
  paid_at: number | null
  /** The signed-in operator who took the sale (v6; null before operators). */
  operator_no?: string | null
  /** coupon_fee (代金券, fen) from the paid answer; null when the gateway did not say (migration "printing"). */
  coupon_fen?: number | null
  /** Not a column: set on a row kept in memory because the journal refused it (see payments/context.ts). */
  unrecorded?: true
}

export type NewOrder = Pick<OrderRow, 'out_trade_no' | 'method' | 'paytype' | 'amount_fen' | 'body' | 'step' | 'auth_code_masked' | 'cashier' | 'shift_id' | 'created_at'> & { operator_no?: string | null }

/** A paid order of another counter, as the store database has it. */
export type ForeignOrder = Pick<OrderRow, 'out_trade_no' | 'method' | 'paytype' | 'amount_fen' | 'step' | 'transaction_id' | 'cashier' | 'device_id' | 'created_at' | 'paid_at'>

/** Fields a transition may change besides state. */
export type OrderChanges = Partial<
  Pick<
    OrderRow,
    | 'step'
    | 'paytype'
    | 'awaiting_customer'
    | 'deadline_at'
    | 'transaction_id'
    | 'code_url'
    | 'failure_code'
    | 'failure_message'
    | 'attention'
    | 'submitted_at'
    | 'paid_at'
    | 'refunded_fen'
    | 'coupon_fen'
  >
>

const CHANGE_COLUMNS = [
  'step',
  'paytype',
  'awaiting_customer',
  'deadline_at',
  'transaction_id',
  'code_url',
  'failure_code',
  'failure_message',
  'attention',
  'submitted_at',
  'paid_at',
  'refunded_fen',
  'coupon_fen',
] as const

/** The message columns hold JSON (migration v5); read back through zod, never trusted raw. */
const MESSAGE_COLUMNS = new Set<string>(['step', 'failure_message', 'attention'])

export type StoredOrder = Omit<OrderRow, 'step' | 'failure_message' | 'attention'> & { step: string; failure_message: string | null; attention: string | null }

/** A row as SQLite returns it → an OrderRow (for every `SELECT * FROM orders`). */
export function orderFromDb(raw: StoredOrder): OrderRow
export function orderFromDb(raw: StoredOrder | undefined): OrderRow | undefined
export function orderFromDb(raw: StoredOrder | undefined): OrderRow | undefined {
  if (!raw) return undefined
  return { ...raw, step: decodeMessage(raw.step), failure_message: decodeMaybe(raw.failure_message), attention: decodeMaybe(raw.attention) }
}

/** One transition's note (order_events.note): a message, or '' for none. */
export interface OrderEvent {
  at: number
  from_state: string | null
  to_state: string
  note: Message | null
}

export const FINAL_STATES_SQL = `('paid','cancelled','closed','failed','review')`

export class OrdersRepo {
  private readonly insertStmt
  private readonly getStmt
  private readonly eventStmt
  private readonly openStmt
  /** Prepared UPDATEs by the set of columns they change (a handful of shapes, reused). */
  private readonly updateStmts = new Map<string, ReturnType<Db['prepare']>>()

  constructor(
    private readonly db: Db,
    private readonly counter: CounterId,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO orders (out_trade_no, method, paytype, amount_fen, body, state, step, auth_code_masked, cashier, shift_id, operator_no, created_at, updated_at, device_id)
       VALUES (@out_trade_no, @method, @paytype, @amount_fen, @body, 'created', @step, @auth_code_masked, @cashier, @shift_id, @operator_no, @created_at, @created_at, @device_id)`,
    )
    this.getStmt = db.prepare(`SELECT * FROM orders WHERE out_trade_no = ?`)
    this.eventStmt = db.prepare(`INSERT INTO order_events (out_trade_no, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)`)
    this.openStmt = db.prepare(`SELECT * FROM orders WHERE state NOT IN ${FINAL_STATES_SQL} AND ${OWN_ROWS_SQL} ORDER BY created_at`)
  }

  insert(order: NewOrder): OrderRow {
    const step = encodeMessage(order.step)
    this.db.transaction(() => {
      this.insertStmt.run({ operator_no: null, ...order, step, device_id: this.counter.current() })
      this.eventStmt.run(order.out_trade_no, order.created_at, null, 'created', step)
    })()
    return this.get(order.out_trade_no) as OrderRow
  }

  get(outTradeNo: string): OrderRow | undefined {
    return orderFromDb(this.getStmt.get(outTradeNo) as StoredOrder | undefined)
  }

  /**
   * A paid order taken at another counter of the store, recorded here so a refund
   * of it can follow the engine's rules (store refunds, payments/store-refunds.ts).
   * It keeps that counter's device id: not this counter's row, so recovery, the
   * review sweep, shift totals and the outbox leave it alone (no shift here).
   */
  insertForeign(order: ForeignOrder, note: Message, at: number): OrderRow {
    if (this.isOwnDevice(order.device_id)) throw new Error(`order ${order.out_trade_no} is this counter's own`)
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO orders (out_trade_no, method, paytype, amount_fen, body, state, step, transaction_id, cashier, shift_id, created_at, updated_at, paid_at, device_id)
           VALUES (@out_trade_no, @method, @paytype, @amount_fen, '', 'paid', @step, @transaction_id, @cashier, NULL, @created_at, @at, @paid_at, @device_id)`,
        )
        .run({ ...order, step: encodeMessage(order.step), at })
      this.eventStmt.run(order.out_trade_no, at, null, 'paid', encodeMessage(note))
    })()
    return this.get(order.out_trade_no) as OrderRow
  }

  /** Whether the order was taken at another counter (a foreign row recorded for a refund here). */
  isForeign(outTradeNo: string): boolean {
    const row = this.db.prepare(`SELECT ${OWN_ROWS_SQL} own FROM orders WHERE out_trade_no = ?`).get(outTradeNo) as { own: number } | undefined
    return row !== undefined && row.own === 0
  }

  private isOwnDevice(deviceId: string): boolean {
    return this.db.prepare(`SELECT 1 FROM own_device_ids WHERE id = ?`).get(deviceId) !== undefined || deviceId === this.counter.current()
  }

  /** Moves an order to `state` (may equal the current one for a step change) and records why. */
  transition(outTradeNo: string, state: OrderState, changes: OrderChanges, note: Message | null, at: number): OrderRow {
    const sets = ['state = @state', 'updated_at = @at']
    const params: Record<string, unknown> = { outTradeNo, state, at }
    for (const col of CHANGE_COLUMNS) {
      if (col in changes) {
        sets.push(`${col} = @${col}`)
        const value = changes[col] ?? null
        params[col] = MESSAGE_COLUMNS.has(col) ? encodeMaybe(value as Message | null) : value
      }
    }
    this.db.transaction(() => {
      const before = this.getStmt.get(outTradeNo) as StoredOrder | undefined
      if (!before) throw new Error(`no order ${outTradeNo}`)
      const sql = `UPDATE orders SET ${sets.join(', ')} WHERE out_trade_no = @outTradeNo`
      let stmt = this.updateStmts.get(sql)
      if (!stmt) this.updateStmts.set(sql, (stmt = this.db.prepare(sql)))
      stmt.run(params)
      if (before.state !== state || note) this.eventStmt.run(outTradeNo, at, before.state, state, note ? encodeMessage(note) : '')
    })()
    return this.get(outTradeNo) as OrderRow
  }

  /** This counter's orders not final yet (to resume after a restart). */
  open(): OrderRow[] {
    return (this.openStmt.all() as StoredOrder[]).map((r) => orderFromDb(r))
  }

  events(outTradeNo: string): OrderEvent[] {
    const rows = this.db.prepare(`SELECT at, from_state, to_state, note FROM order_events WHERE out_trade_no = ? ORDER BY id`).all(outTradeNo) as (Omit<OrderEvent, 'note'> & { note: string })[]
    return rows.map((e) => ({ ...e, note: decodeMaybe(e.note) }))
  }

  /** This counter's orders flagged `review`, oldest first (the review sweep asks about them again). */
  inReview(limit: number): string[] {
    return (this.db.prepare(`SELECT out_trade_no FROM orders WHERE state = 'review' AND ${OWN_ROWS_SQL} ORDER BY updated_at LIMIT ?`).all(limit) as { out_trade_no: string }[]).map((r) => r.out_trade_no)
  }

  /** This counter's most recently paid order ("print last"). */
  lastPaid(): string | null {
    const row = this.db.prepare(`SELECT out_trade_no FROM orders WHERE state = 'paid' AND ${OWN_ROWS_SQL} ORDER BY paid_at DESC LIMIT 1`).get() as { out_trade_no: string } | undefined
    return row?.out_trade_no ?? null
  }

  countOpen(): number {
    return (this.db.prepare(`SELECT count(*) n FROM orders WHERE state NOT IN ${FINAL_STATES_SQL}`).get() as { n: number }).n
  }

  countAttention(): number {
    return (this.db.prepare(`SELECT count(*) n FROM orders WHERE attention IS NOT NULL`).get() as { n: number }).n
  }
}
