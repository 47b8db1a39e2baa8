// Closing the open shift (shifts:close). Who may close is decided by the count:
// within the over/short limit (or balanced) the signed-in cashier closes alone
// (`closeShift`); above the limit, or with no count at all (the difference is
// unknown), a supervisor approves (`closeShiftWithDifference`: their number + PIN,
// recorded as close_approver), after the cashier has seen the difference.
import { approvedBy } from '../cash/service'
import { JournalWriteError } from '../journal/write-guard'
import type { Approval, DrawerCount, ShiftReport } from '../shared/contract'
import { formatYuan } from '../shared/money'
import { PosFailure } from '../shared/result'
import type { ShiftDeps } from './handlers'

export interface CloseRequest {
  pin?: string | undefined
  approval?: Approval | undefined
  count?: DrawerCount | undefined
  acceptOverShort?: boolean | undefined
  takenOutFen?: number | undefined
}

export function closeShift(s: ShiftDeps, { pin, approval, count, acceptOverShort, takenOutFen }: CloseRequest): ShiftReport {
  s.operators.authorize('closeShift') // someone signed in (COUNTER_LOCKED) before any figure is shown
  const shiftId = s.shifts.currentId()
  if (takenOutFen && !count) throw new PosFailure('VALIDATION', '取出金额需要和点钞一起填写', { reason: 'taken-out-needs-count' })
  const limitFen = s.settings.cashSettings().overShortLimitFen
  const overShort = count ? s.shifts.overShort(count) : null
  const differs = !count || (overShort !== null && Math.abs(overShort) > limitFen)
  if (count && differs && overShort !== null && acceptOverShort !== true) {
    throw new PosFailure('CONFIRM_REQUIRED', `长短款 ${formatYuan(overShort)} 超过限额 ${formatYuan(limitFen)}：需主管确认`, { reason: 'over-short', overShortFen: String(overShort), limitFen: String(limitFen) })
  }
  const detail = { ...(takenOutFen ? { takenOutFen } : {}), ...(overShort !== null ? { overShortFen: overShort, limitFen } : { counted: false }) }
  const audit = { ...(shiftId ? { ref: shiftId } : {}), detail }
  const actor = differs ? s.operators.guard('closeShiftWithDifference', { pin, approval }, audit) : s.operators.guard('closeShift', {}, audit)
  if (s.engine.currentOrder()) throw new PosFailure('BUSY', '还有订单在处理中：请等它结束后再结班')
  // A real write probe first: a Z report the journal cannot store is no Z report.
  const writes = s.engine.ctx.deps.writes
  const refusal = () => new PosFailure('JOURNAL', '账本无法写入：暂不能结班，请先处理磁盘问题 (journal not writable)')
  if (writes.failing || writes.probe() !== null) throw refusal()
  try {
    const counted = count ? { count, limitFen, acceptOverShort: differs, approvedBy: approvedBy(actor), takenOutFen: takenOutFen ?? 0 } : undefined
    return writes.durable(() => s.shifts.close(counted, { closedBy: actor.operatorNo, approver: actor.approverNo }))
  } catch (e) {
    if (e instanceof JournalWriteError) throw refusal()
    throw e
  }
}
