// Orders and their transitions. Every state change is one transaction that
// updates the row and appends to order_events, committed (synchronous=FULL)
// before the engine makes the network call that depends on it.
import type { OrderState, PayMethod, PayType } from '../shared/contract'
import type { Db } from './db'

export interface OrderRow {
  out_trade_no: string
  method: PayMethod
  paytype: PayType | null
  amount_fen: number
  body: string
  state: OrderState
  step: string
  awaiting_customer: number
  deadline_at: number | null
  auth_code_masked: string | null
  transaction_id: string | null
  code_url: string | null
  failure_code: string | null
  failure_message: string | null
  attention: string | null
  refunded_fen: number
  cashier: string
  shift_id: string | null
  submitted_at: number | null
  created_at: number
  updated_at: number
  paid_at: number | null
  /** The signed-in operator who took the sale (v6; null before operators). */
  operator_no?: string | null
  /** Not a column: set on a row kept in memory because the journal refused it (see payments/context.ts). */
  unrecorded?: true
}

export type NewOrder = Pick<OrderRow, 'out_trade_no' | 'method' | 'paytype' | 'amount_fen' | 'body' | 'step' | 'auth_code_masked' | 'cashier' | 'shift_id' | 'created_at'> & { operator_no?: string | null }

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
] as const

export const FINAL_STATES_SQL = `('paid','cancelled','closed','failed','review')`

export class OrdersRepo {
  private readonly insertStmt
  private readonly getStmt
  private readonly eventStmt
  private readonly openStmt
  /** Prepared UPDATEs by the set of columns they change (a handful of shapes, reused). */
  private readonly updateStmts = new Map<string, ReturnType<Db['prepare']>>()

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO orders (out_trade_no, method, paytype, amount_fen, body, state, step, auth_code_masked, cashier, shift_id, operator_no, created_at, updated_at)
       VALUES (@out_trade_no, @method, @paytype, @amount_fen, @body, 'created', @step, @auth_code_masked, @cashier, @shift_id, @operator_no, @created_at, @created_at)`,
    )
    this.getStmt = db.prepare(`SELECT * FROM orders WHERE out_trade_no = ?`)
    this.eventStmt = db.prepare(`INSERT INTO order_events (out_trade_no, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?)`)
    this.openStmt = db.prepare(`SELECT * FROM orders WHERE state NOT IN ${FINAL_STATES_SQL} ORDER BY created_at`)
  }

  insert(order: NewOrder): OrderRow {
    this.db.transaction(() => {
      this.insertStmt.run({ operator_no: null, ...order })
      this.eventStmt.run(order.out_trade_no, order.created_at, null, 'created', order.step)
    })()
    return this.get(order.out_trade_no) as OrderRow
  }

  get(outTradeNo: string): OrderRow | undefined {
    return this.getStmt.get(outTradeNo) as OrderRow | undefined
  }

  /** Moves an order to `state` (may equal the current one for a step change) and records why. */
  transition(outTradeNo: string, state: OrderState, changes: OrderChanges, note: string, at: number): OrderRow {
    const sets = ['state = @state', 'updated_at = @at']
    const params: Record<string, unknown> = { outTradeNo, state, at }
    for (const col of CHANGE_COLUMNS) {
      if (col in changes) {
        sets.push(`${col} = @${col}`)
        params[col] = changes[col] ?? null
      }
    }
    this.db.transaction(() => {
      const before = this.getStmt.get(outTradeNo) as OrderRow | undefined
      if (!before) throw new Error(`no order ${outTradeNo}`)
      const sql = `UPDATE orders SET ${sets.join(', ')} WHERE out_trade_no = @outTradeNo`
      let stmt = this.updateStmts.get(sql)
      if (!stmt) this.updateStmts.set(sql, (stmt = this.db.prepare(sql)))
      stmt.run(params)
      if (before.state !== state || note) this.eventStmt.run(outTradeNo, at, before.state, state, note)
    })()
    return this.get(outTradeNo) as OrderRow
  }

  /** Orders not final yet (to resume after a restart). */
  open(): OrderRow[] {
    return this.openStmt.all() as OrderRow[]
  }

  events(outTradeNo: string): { at: number; from_state: string | null; to_state: string; note: string }[] {
    return this.db.prepare(`SELECT at, from_state, to_state, note FROM order_events WHERE out_trade_no = ? ORDER BY id`).all(outTradeNo) as {
      at: number
      from_state: string | null
      to_state: string
      note: string
    }[]
  }

  countOpen(): number {
    return (this.db.prepare(`SELECT count(*) n FROM orders WHERE state NOT IN ${FINAL_STATES_SQL}`).get() as { n: number }).n
  }

  countAttention(): number {
    return (this.db.prepare(`SELECT count(*) n FROM orders WHERE attention IS NOT NULL`).get() as { n: number }).n
  }
}
