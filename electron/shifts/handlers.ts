// The shifts domain's contract calls: open, X report, close (with the drawer
// count), stored reports. Reconciliation wraps close and report (payments/reconcile-handlers.ts).
import type { SettingsService } from '../settings/service'
import type { Journal } from '../journal'
import type { Handlers } from '../kernel/dispatch'
import type { OperatorService } from '../operators/service'
import type { PaymentEngine } from '../payments/engine'
import { PosFailure } from '../shared/result'
import { closeShift } from './close'
import { shiftReportAccess } from './report-access'
import type { ShiftService } from './service'

type H<K extends keyof Handlers> = Pick<Handlers, K>

export interface ShiftDeps {
  journal: Journal
  engine: PaymentEngine
  shifts: ShiftService
  operators: OperatorService
  settings: Pick<SettingsService, 'cashSettings'>
}

export function shiftsHandlers(s: ShiftDeps): H<'shifts:current' | 'shifts:open' | 'shifts:handover' | 'shifts:xReport' | 'shifts:close' | 'shifts:report' | 'shifts:list'> {
  return {
    'shifts:current': () => s.shifts.current(),
    // The shift belongs to the signed-in operator (recorded by number; the name is the one typed).
    'shifts:open': (req) => openShift(s, req),
    'shifts:handover': () => (s.operators.authorize('openShift'), s.shifts.handover()),
    'shifts:xReport': () => (s.operators.authorize('shiftReport'), s.shifts.report('X')),
    // Who may close is the core's decision (close.ts): the cashier alone within the over/short limit, else a supervisor.
    'shifts:close': (req) => closeShift(s, req),
    // A cashier sees their own shifts' reports (opened or closed by them); another's closed shift is supervisor+.
    'shifts:report': ({ shiftId, pin, approval }) => (shiftReportAccess(s.operators, s.shifts, shiftId, { pin, approval }), s.shifts.stored(shiftId)),
    'shifts:list': ({ limit }) => s.shifts.list(limit),
  }
}


/** Opens a shift; a handover (a carried float) is audited with where it came from, and a different float with its reason. */
function openShift(s: ShiftDeps, req: { cashier: string; floatFen: number; floatReason?: string | undefined }) {
  const actor = s.operators.authorize('openShift')
  const carried = s.shifts.handover()
  const detail = carried
    ? { floatFen: req.floatFen, carriedFen: carried.floatFen, fromShift: carried.fromShiftId, countedBy: carried.countedBy, differs: carried.floatFen !== req.floatFen, reason: req.floatReason?.trim() || null }
    : null
  try {
    const shift = s.shifts.open(req.cashier, req.floatFen, actor.operatorNo, req.floatReason)
    if (detail) s.operators.audit.record({ action: 'openShift', outcome: 'ok', operatorNo: actor.operatorNo, ref: shift.id, detail })
    return shift
  } catch (e) {
    if (detail && e instanceof PosFailure) s.operators.audit.record({ action: 'openShift', outcome: 'refused', operatorNo: actor.operatorNo, ref: carried?.fromShiftId ?? null, detail: { ...detail, code: e.code } })
    throw e
  }
}
