// The rows as the outbox reads them (outbox.ts): the columns the store gets, nothing else (never a lockout state).

export interface OutboxShift {
  id: string
  cashier: string
  float_fen: number
  opened_at: number
  closed_at: number | null
  operator_no: string | null
  closed_by: string | null
  close_approver: string | null
  float_from_shift: string | null
  float_carried_fen: number | null
  float_counted_by: string | null
  float_reason: string | null
}

export interface OutboxCash {
  id: number
  shift_id: string
  kind: string
  amount_fen: number
  given_fen: number | null
  change_fen: number | null
  ref: string | null
  reason: string
  cashier: string
  approved_by: string | null
  at: number
}

export interface OutboxCount {
  shift_id: string
  denominations: string
  counted_fen: number
  expected_fen: number
  over_short_fen: number
  taken_out_fen: number
  approved_by: string | null
  at: number
}

export interface OutboxOperatorAudit {
  id: number
  at: number
  operator_no: string | null
  action: string
  outcome: string
  approver_no: string | null
  ref: string | null
  detail: string | null
}

/** An operator as it flows to the store: never its lockout state. `updated_by` '' = this counter's edit. */
export interface OutboxOperator {
  operator_no: string
  name: string
  role: string
  pin_hash: string
  active: number
  created_at: number
  updated_at: number
  updated_by: string
}

export interface OutboxStoreSettings {
  store_name: string
  receipt_header: string
  over_short_limit_fen: number
  updated_at: number
  updated_by: string
}

export interface OutboxAudit {
  id: number
  at: number
  call: string
  ref: string | null
  outcome: string
}
