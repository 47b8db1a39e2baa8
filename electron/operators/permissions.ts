// Who may do what: ONE table from each action to the least role that may do it.
// The core decides with it (service.ts authorize); the renderer only shows it.
import type { OperatorAction, OperatorRole } from '../shared/contract/operators'

export const PERMISSIONS: Readonly<Record<OperatorAction, OperatorRole>> = {
  // cashier
  sell: 'cashier',
  stop: 'cashier',
  shiftReport: 'cashier', // the X report of the open shift, the Z reports of their own past shifts (opened or closed by them)
  reprint: 'cashier',
  // The handover: the outgoing cashier closes their own shift with a drawer
  // count; a count within the over/short limit (or balanced) needs nobody else.
  openShift: 'cashier',
  closeShift: 'cashier',
  // supervisor
  refund: 'supervisor',
  cashMovement: 'supervisor', // paid-in / paid-out
  noSale: 'supervisor', // open the drawer with no sale
  acknowledgeReview: 'supervisor',
  // A count whose over/short is above the limit (cash settings), or a close with no
  // count at all (the difference is unknown): a supervisor approves (close_approver).
  closeShiftWithDifference: 'supervisor',
  otherShiftReports: 'supervisor', // the stored report of a shift another operator opened and closed
  daySummary: 'supervisor', // 日结: the day's shifts summed, per-operator lines, its reprint
  storeReport: 'supervisor', // 门店日结 / store X report: every counter's day from the store database
  // manager
  operators: 'manager',
  settings: 'manager',
  liveMode: 'manager',
  journalRestore: 'manager',
}

const RANK: Readonly<Record<OperatorRole, number>> = { cashier: 1, supervisor: 2, manager: 3 }

export function minRole(action: OperatorAction): OperatorRole {
  return PERMISSIONS[action]
}

export function roleAllows(role: OperatorRole, action: OperatorAction): boolean {
  return RANK[role] >= RANK[PERMISSIONS[action]]
}
