// Who may see (or print) a shift's report: ONE rule for shifts:report and for
// printing:print / printing:preview with a report target. A cashier: the X report
// of the open shift and the stored reports of shifts they opened or closed.
// Another operator's closed shift is `otherShiftReports` (supervisor+; a signed-in
// supervisor needs no PIN, a cashier needs a supervisor's approval).
import type { Actor, OperatorService } from '../operators/service'
import type { Proof } from '../shared/contract'
import type { ShiftService } from './service'

export function shiftReportAccess(operators: OperatorService, shifts: Pick<ShiftService, 'get'>, shiftId: string | undefined, proof: Proof = {}, print = false): Actor {
  const me = operators.authorize('shiftReport')
  const shift = shiftId ? shifts.get(shiftId) : null
  const mine = !me.operatorNo || !shift || shift.closedAt === null || shift.operatorNo === me.operatorNo || shift.closedBy === me.operatorNo
  if (mine) return me
  // A print of another's report leaves a row in the audit (a view does not, as before).
  if (print) return operators.guard('otherShiftReports', proof, { ref: shift.id, detail: { print: true }, confirm: false })
  return operators.authorize('otherShiftReports', proof, false)
}
