// Reconciliation (对账) calls, and the shift calls it extends: a Z close starts
// a reconciliation of that shift in the background, and every shift report
// carries the latest one ("reconciled at …: N orders, M differences").
import { beijingDay, type Reconciler } from './reconcile'
import type { ReconcileRun, ShiftReport } from '../shared/contract'
import { PosFailure } from '../shared/result'
import type { Handlers } from '../kernel/dispatch'
import type { Journal } from '../journal'
import type { Logger } from '../kernel/logger'

type H<K extends keyof Handlers> = Pick<Handlers, K>

export function reconcileHandlers(
  s: { journal: Journal },
  rec: Reconciler,
  shifts: H<'shifts:close' | 'shifts:report'>,
  log: Logger,
): H<'reconcile:run' | 'reconcile:latest' | 'shifts:close' | 'shifts:report'> {
  const withReconciliation = (report: ShiftReport): ShiftReport => {
    const run = rec.latest({ shiftId: report.shift.id })
    return { ...report, reconciliation: run?.finishedAt ? { at: run.finishedAt, orders: run.orders, differences: run.differences } : null }
  }
  const shiftPeriod = (shiftId?: string) => {
    // Default: the shift closed last (the one a Z report was just taken for), else the open one.
    const shift = shiftId ? s.journal.shifts.get(shiftId) : s.journal.shifts.lastClosedOrOpen()
    if (!shift) throw new PosFailure(shiftId ? 'NOT_FOUND' : 'NO_SHIFT', shiftId ? `没有这个班次：${shiftId}` : '还没有班次可以对账', shiftId ? { reason: 'shift', shiftId } : undefined)
    return { shiftId: shift.id, fromAt: shift.opened_at, toAt: shift.closed_at ?? Date.now() }
  }
  return {
    'shifts:close': async (req) => {
      const report = await shifts['shifts:close'](req)
      // Automatic at Z close, in the background: the report is not held up by the gateway.
      void rec.run({ shiftId: report.shift.id, fromAt: report.shift.openedAt, toAt: report.shift.closedAt ?? report.generatedAt }).catch((e) =>
        log.error('reconciliation at Z close failed', { shift: report.shift.id, error: e instanceof Error ? e.message : String(e) }),
      )
      return withReconciliation(report)
    },
    'shifts:report': async (req) => withReconciliation(await shifts['shifts:report'](req)),
    'reconcile:run': ({ shiftId, day }): Promise<ReconcileRun> => rec.run(day ? beijingDay(day) : shiftPeriod(shiftId)),
    'reconcile:latest': ({ shiftId, day }) => (day ? rec.latest(beijingDay(day)) : rec.latest({ shiftId: shiftPeriod(shiftId).shiftId })),
  }
}
