// Operators and their append-only audit (migration v6). The PIN hash and its
// lockout state are stored here but never leave electron/operators.
import type { Db } from './db'

export type OperatorRole = 'cashier' | 'supervisor' | 'manager'

export interface OperatorRow {
  operator_no: string
  device_id: string
  name: string
  role: OperatorRole
  pin_hash: string
  pin_state: string | null
  active: number
  created_at: number
  updated_at: number
  /** The counter whose edit this is ('' = this counter; set by a pull from the store). */
  updated_by?: string
}

export interface OperatorAuditRow {
  id: number
  at: number
  device_id: string
  operator_no: string | null
  action: string
  outcome: 'ok' | 'refused'
  approver_no: string | null
  ref: string | null
  /** JSON object; never a PIN or a key. */
  detail: string | null
}

export type NewOperatorAudit = Omit<OperatorAuditRow, 'id'>

export class OperatorsRepo {
  private readonly getStmt
  private readonly auditStmt
  private readonly countStmt

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare(`SELECT * FROM operators WHERE operator_no = ?`)
    this.countStmt = db.prepare(`SELECT count(*) n FROM operators`)
    this.auditStmt = db.prepare(
      `INSERT INTO operator_audit (at, device_id, operator_no, action, outcome, approver_no, ref, detail)
       VALUES (@at, @device_id, @operator_no, @action, @outcome, @approver_no, @ref, @detail)`,
    )
  }

  count(): number {
    return (this.countStmt.get() as { n: number }).n
  }

  get(operatorNo: string): OperatorRow | undefined {
    return this.getStmt.get(operatorNo) as OperatorRow | undefined
  }

  list(): OperatorRow[] {
    return this.db.prepare(`SELECT * FROM operators ORDER BY operator_no`).all() as OperatorRow[]
  }

  insert(row: Omit<OperatorRow, 'pin_state' | 'updated_at'>): OperatorRow {
    this.db
      .prepare(
        `INSERT INTO operators (operator_no, device_id, name, role, pin_hash, active, created_at, updated_at)
         VALUES (@operator_no, @device_id, @name, @role, @pin_hash, @active, @created_at, @created_at)`,
      )
      .run(row)
    return this.get(row.operator_no) as OperatorRow
  }

  update(operatorNo: string, changes: Partial<Pick<OperatorRow, 'name' | 'role' | 'active' | 'pin_hash' | 'pin_state'>>, at: number): OperatorRow {
    const cols = (['name', 'role', 'active', 'pin_hash', 'pin_state'] as const).filter((c) => c in changes)
    // updated_by '' = this counter's own edit (a pulled row names the counter it came from: journal/downstream.ts).
    const sets = [...cols.map((c) => `${c} = @${c}`), 'updated_at = @at', `updated_by = ''`].join(', ')
    this.db.prepare(`UPDATE operators SET ${sets} WHERE operator_no = @operatorNo`).run({ ...changes, operatorNo, at })
    return this.get(operatorNo) as OperatorRow
  }

  /** The lockout state only: not an edit of the operator (updated_at stays). */
  setPinState(operatorNo: string, state: string): void {
    this.db.prepare(`UPDATE operators SET pin_state = ? WHERE operator_no = ?`).run(state, operatorNo)
  }

  appendAudit(e: NewOperatorAudit): void {
    this.auditStmt.run(e)
  }

  /** Newest first, `beforeId` pages back. */
  audit(q: { limit: number; beforeId?: number; fromAt?: number; toAt?: number }): OperatorAuditRow[] {
    return this.db
      .prepare(
        `SELECT * FROM operator_audit WHERE id < @before AND at >= @from AND at < @to ORDER BY id DESC LIMIT @limit`,
      )
      .all({ before: q.beforeId ?? Number.MAX_SAFE_INTEGER, from: q.fromAt ?? 0, to: q.toAt ?? Number.MAX_SAFE_INTEGER, limit: q.limit }) as OperatorAuditRow[]
  }
}
