// Receipts and the print queue: what to print (sale, refund, X/Z report, cash
// movement, test page), its on-screen preview (SVG of the same document), and
// the jobs that have not printed yet (kept and retried until printed or dismissed).
import { z } from 'zod'
import { call, Empty, OutTradeNo, Pin, Timestamp } from './define'
import { Approval } from './operators'

export const PaperWidth = z.union([z.literal(58), z.literal(80)])

export const PrintTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sale'), outTradeNo: OutTradeNo }),
  z.strictObject({ kind: z.literal('refund'), outRefundNo: z.string().min(1).max(32) }),
  /** X report of the open shift, or the stored Z report of a closed one. */
  z.strictObject({ kind: z.literal('report'), shiftId: z.string().max(64).optional() }),
  z.strictObject({ kind: z.literal('movement'), id: z.int().min(1) }),
  z.strictObject({ kind: z.literal('test') }),
])
export type PrintTarget = z.infer<typeof PrintTarget>

export const PrintJobView = z.object({
  id: z.int(),
  kind: z.enum(['sale', 'refund', 'report', 'cash', 'test', 'drawer']),
  ref: z.string(),
  state: z.enum(['queued', 'printing', 'retrying', 'printed', 'dismissed']),
  attempts: z.int().min(0),
  /** refused, timeout, closed, io, paper-out, offline, no-printer. */
  lastError: z.string().nullable(),
  nextAttemptAt: Timestamp.nullable(),
  createdAt: Timestamp,
})
export type PrintJobView = z.infer<typeof PrintJobView>

export const printingCalls = {
  /**
   * Queues a receipt (reprints say so on paper); returns at once with the job. A
   * report target follows shifts:report's rule (another operator's Z: supervisor+,
   * or a cashier with a supervisor's approval); receipts are the cashier's `reprint`.
   */
  'printing:print': call(z.strictObject({ target: PrintTarget, pin: Pin.optional(), approval: Approval.optional() }), PrintJobView),
  /** Reprints the last sale receipt of this counter. */
  'printing:printLast': call(Empty, PrintJobView),
  /** The document as SVG, at the configured paper width unless one is given. */
  'printing:preview': call(z.strictObject({ target: PrintTarget, width: PaperWidth.optional() }), z.object({ svg: z.string(), width: PaperWidth })),
  'printing:jobs': call(Empty, z.array(PrintJobView)),
  'printing:dismiss': call(z.strictObject({ id: z.int().min(1) }), z.boolean()),
  'printing:retry': call(Empty, z.array(PrintJobView)),
}

export const printingEvents = {
  'printing:jobs': z.array(PrintJobView),
}
