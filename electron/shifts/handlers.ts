// The shifts domain's contract calls: open, X report, close (with the drawer
// count), stored reports. Reconciliation wraps close and report (payments/reconcile-handlers.ts).
import { approvedBy } from '../cash/service'
import type { SettingsService } from '../settings/service'
import type { Journal } from '../journal'
import { JournalWriteError } from '../journal/write-guard'
import type { Handlers } from '../kernel/dispatch'
import type { OperatorService } from '../operators/service'
import type { PaymentEngine } from '../payments/engine'
import { PosFailure } from '../shared/result'
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
    // Who may close a shift is the core's decision: a supervisor (PIN or approval).
    'shifts:close': ({ pin, approval, count, acceptOverShort, takenOutFen }) => {
      const shiftId = s.shifts.currentId()
      if (takenOutFen && !count) throw new PosFailure('VALIDATION', '取出金额需要和点钞一起填写', { reason: 'taken-out-needs-count' })
      const detail = takenOutFen ? { takenOutFen } : undefined
      const actor = s.operators.guard('closeShiftWithDifference', { pin, approval }, { ...(shiftId ? { ref: shiftId } : {}), ...(detail ? { detail } : {}) })
      if (s.engine.currentOrder()) throw new PosFailure('BUSY', '还有订单在处理中：请等它结束后再结班')
      // A real write probe first: a Z report the journal cannot store is no Z report.
      const writes = s.engine.ctx.deps.writes
      const refusal = () => new PosFailure('JOURNAL', '账本无法写入：暂不能结班，请先处理磁盘问题 (journal not writable)')
      if (writes.failing || writes.probe() !== null) throw refusal()
      try {
        const counted = count
          ? { count, limitFen: s.settings.cashSettings().overShortLimitFen, acceptOverShort: acceptOverShort === true, approvedBy: approvedBy(actor), takenOutFen: takenOutFen ?? 0 }
          : undefined
        return writes.durable(() => s.shifts.close(counted, { closedBy: actor.operatorNo, approver: actor.approverNo }))
      } catch (e) {
        if (e instanceof JournalWriteError) throw refusal()
        throw e
      }
    },
    // A cashier sees their own shifts' reports (opened or closed by them); another's closed shift is supervisor+.
    'shifts:report': ({ shiftId }) => {
      const me = s.operators.authorize('shiftReport')
      const shift = s.shifts.get(shiftId)
      const mine = !me.operatorNo || !shift || shift.closedAt === null || shift.operatorNo === me.operatorNo || shift.closedBy === me.operatorNo
      if (!mine) s.operators.authorize('otherShiftReports', {}, false)
      return s.shifts.stored(shiftId)
    },
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
