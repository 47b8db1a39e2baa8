// The drawer's rows (migration v7): cash movements and the count at close.
// Plain SQL on the journal's connection; callers wrap writes in their transaction.
import type { Db } from './db'
import type { CashMovementKind, CashMovementView, DrawerCount } from '../shared/contract'

interface MovementRow {
  id: number
  device_id: string
  shift_id: string
  kind: CashMovementKind
  amount_fen: number
  given_fen: number | null
  change_fen: number | null
  ref: string | null
  reason: string
  cashier: string
  approved_by: string | null
  at: number
}

export type NewMovement = Omit<MovementRow, 'id'>

export interface DrawerCountRow {
  shift_id: string
  denominations: string
  counted_fen: number
  expected_fen: number
  over_short_fen: number
  approved_by: string | null
  at: number
  /** Declared at close as taken out of the drawer (dropped to the safe); counted − taken out stays for the next shift. */
  taken_out_fen?: number
}

const view = (r: MovementRow): CashMovementView => ({
  id: r.id,
  shiftId: r.shift_id,
  kind: r.kind,
  amountFen: r.amount_fen,
  givenFen: r.given_fen,
  changeFen: r.change_fen,
  ref: r.ref,
  reason: r.reason,
  cashier: r.cashier,
  approvedBy: r.approved_by,
  at: r.at,
})

/** Sum and count of each kind in a shift. */
export type MovementTotals = Record<CashMovementKind, { count: number; amountFen: number }>

export class CashRepo {
  constructor(private readonly db: Db) {}

  insert(m: NewMovement): CashMovementView {
    const id = this.db
      .prepare(
        `INSERT INTO cash_movements (device_id, shift_id, kind, amount_fen, given_fen, change_fen, ref, reason, cashier, approved_by, at)
         VALUES (@device_id, @shift_id, @kind, @amount_fen, @given_fen, @change_fen, @ref, @reason, @cashier, @approved_by, @at)`,
      )
      .run(m).lastInsertRowid
    return this.get(Number(id)) as CashMovementView
  }

  get(id: number): CashMovementView | null {
    const row = this.db.prepare(`SELECT * FROM cash_movements WHERE id = ?`).get(id) as MovementRow | undefined
    return row ? view(row) : null
  }

  /** The sale movement of a cash order (given and change for the receipt). */
  forRef(ref: string): CashMovementView | null {
    const row = this.db.prepare(`SELECT * FROM cash_movements WHERE ref = ? ORDER BY id LIMIT 1`).get(ref) as MovementRow | undefined
    return row ? view(row) : null
  }

  forShift(shiftId: string, limit = 500): CashMovementView[] {
    return (this.db.prepare(`SELECT * FROM cash_movements WHERE shift_id = ? ORDER BY id DESC LIMIT ?`).all(shiftId, limit) as MovementRow[]).map(view)
  }

  totals(shiftId: string): MovementTotals {
    const rows = this.db.prepare(`SELECT kind, count(*) n, coalesce(sum(amount_fen),0) s FROM cash_movements WHERE shift_id = ? GROUP BY kind`).all(shiftId) as { kind: CashMovementKind; n: number; s: number }[]
    const out = { sale: { count: 0, amountFen: 0 }, refund: { count: 0, amountFen: 0 }, paid_in: { count: 0, amountFen: 0 }, paid_out: { count: 0, amountFen: 0 }, no_sale: { count: 0, amountFen: 0 } }
    for (const r of rows) out[r.kind] = { count: r.n, amountFen: r.s }
    return out
  }

  saveCount(row: DrawerCountRow): void {
    this.db
      .prepare(
        `INSERT INTO drawer_counts (shift_id, denominations, counted_fen, expected_fen, over_short_fen, approved_by, at, taken_out_fen)
         VALUES (@shift_id, @denominations, @counted_fen, @expected_fen, @over_short_fen, @approved_by, @at, @taken_out_fen)`,
      )
      .run({ taken_out_fen: 0, ...row })
  }

  count(shiftId: string): DrawerCountRow | null {
    return (this.db.prepare(`SELECT * FROM drawer_counts WHERE shift_id = ?`).get(shiftId) as DrawerCountRow | undefined) ?? null
  }
}

/** Pieces by denomination → fen. */
export function countedFen(pieces: DrawerCount['pieces']): number {
  return Object.entries(pieces).reduce((sum, [denomination, n]) => sum + Number(denomination) * (n ?? 0), 0)
}
