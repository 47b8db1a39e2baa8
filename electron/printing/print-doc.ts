// What a kept print job holds: the document to render again (receipt data or a
// drawer kick), never the rendered bytes or sentences, and how a job maps to
// and from its journal row (journal/print-jobs.ts).
import { z } from 'zod'
import type { PrintJobRow, PrintJobRowState } from '../journal'
import type { Receipt } from './receipt-data'

export type PrintDoc = { type: 'receipt'; receipt: Receipt } | { type: 'drawer' }

export type PrintJobKind = 'sale' | 'refund' | 'report' | 'cash' | 'test' | 'drawer'
export type PrintJobState = 'queued' | 'printing' | 'retrying' | 'printed' | 'dismissed'

/** What the queue keeps in the journal (journal/print-jobs.ts fits it). */
export interface PrintJobStore {
  save(rows: PrintJobRow[]): void
  open(): PrintJobRow[]
  maxId(): number
  prune(keep: number): number
}

const KINDS = ['sale', 'refund', 'report', 'cash', 'test', 'drawer'] as const
const RECEIPT_KINDS = ['sale', 'refund', 'test', 'report', 'movement'] as const
/** A row read back is checked (a damaged row is dismissed, never thrown into the queue). */
const StoredDoc = z.union([
  z.object({ type: z.literal('drawer') }),
  z.object({ type: z.literal('receipt'), receipt: z.looseObject({ kind: z.enum(RECEIPT_KINDS), header: z.looseObject({ storeName: z.string() }) }) }),
])

export function parseDoc(json: string): PrintDoc | null {
  try {
    const r = StoredDoc.safeParse(JSON.parse(json))
    return r.success ? (r.data as PrintDoc) : null
  } catch {
    return null
  }
}

export function parseKind(kind: string): PrintJobKind | null {
  return (KINDS as readonly string[]).includes(kind) ? (kind as PrintJobKind) : null
}

const TO_ROW: Record<PrintJobState, PrintJobRowState> = { queued: 'pending', printing: 'printing', retrying: 'failed', printed: 'printed', dismissed: 'dismissed' }

export function rowState(s: PrintJobState): PrintJobRowState {
  return TO_ROW[s]
}

/** After a restart: a job that was being sent is sent again (it may have printed half). */
export function stateFromRow(s: PrintJobRowState): PrintJobState {
  return s === 'failed' ? 'retrying' : s === 'printed' || s === 'dismissed' ? s : 'queued'
}
