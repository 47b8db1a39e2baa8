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

export function shiftsHandlers(s: ShiftDeps): H<'shifts:current' | 'shifts:open' | 'shifts:xReport' | 'shifts:close' | 'shifts:report' | 'shifts:list'> {
  return {
    'shifts:current': () => s.shifts.current(),
    // The shift belongs to the signed-in operator (recorded by number; the name is the one typed).
    'shifts:open': (req) => s.shifts.open(req.cashier, req.floatFen, s.operators.authorize('openShift').operatorNo),
    'shifts:xReport': () => (s.operators.authorize('shiftReport'), s.shifts.report('X')),
    // Who may close a shift is the core's decision: a supervisor (PIN or approval).
    'shifts:close': ({ pin, approval, count, acceptOverShort }) => {
      const shiftId = s.shifts.currentId()
      const actor = s.operators.guard('closeShiftWithDifference', { pin, approval }, shiftId ? { ref: shiftId } : {})
      if (s.engine.currentOrder()) throw new PosFailure('BUSY', '还有订单在处理中：请等它结束后再结班')
      // A real write probe first: a Z report the journal cannot store is no Z report.
      const writes = s.engine.ctx.deps.writes
      const refusal = () => new PosFailure('JOURNAL', '账本无法写入：暂不能结班，请先处理磁盘问题 (journal not writable)')
      if (writes.failing || writes.probe() !== null) throw refusal()
      try {
        const counted = count ? { count, limitFen: s.settings.cashSettings().overShortLimitFen, acceptOverShort: acceptOverShort === true, approvedBy: approvedBy(actor) } : undefined
        return writes.durable(() => s.shifts.close(counted, { closedBy: actor.operatorNo, approver: actor.approverNo }))
      } catch (e) {
        if (e instanceof JournalWriteError) throw refusal()
        throw e
      }
    },
    'shifts:report': ({ shiftId }) => (s.operators.authorize('shiftReport'), s.shifts.stored(shiftId)),
    'shifts:list': ({ limit }) => s.shifts.list(limit),
  }
}

