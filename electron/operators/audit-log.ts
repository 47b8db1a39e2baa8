// The operator audit: one append-only row per sign-in/out, failed PIN,
// approval, refund and settings change, and its CSV export. No PIN, hash or
// key ever goes in: `detail` takes only the small fields the callers pass.
import type { OperatorAuditRow, OperatorsRepo } from '../journal/operators'
import type { Logger } from '../kernel/logger'
import type { OperatorAuditEntry } from '../shared/contract/operators'

export type AuditDetail = Record<string, string | number | boolean | null>

export interface AuditRecord {
  action: string
  outcome: 'ok' | 'refused'
  operatorNo: string | null
  approverNo?: string | null
  ref?: string | null
  detail?: AuditDetail
}

/** Field names that must never reach the audit, whatever a caller passes. */
const SECRET = /pin|hash|key|password|secret|token/i

export class OperatorAuditLog {
  constructor(
    private readonly repo: OperatorsRepo,
    private readonly deviceId: () => string,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  record(r: AuditRecord): void {
    const detail = r.detail ? Object.fromEntries(Object.entries(r.detail).filter(([k]) => !SECRET.test(k))) : null
    try {
      this.repo.appendAudit({
        at: this.now(),
        device_id: this.deviceId(),
        operator_no: r.operatorNo,
        action: r.action,
        outcome: r.outcome,
        approver_no: r.approverNo ?? null,
        ref: r.ref ?? null,
        detail: detail && Object.keys(detail).length > 0 ? JSON.stringify(detail) : null,
      })
    } catch (e) {
      // The action itself was decided already; a journal that refuses the row is
      // reported by the journal's own health (write-guard), so only log here.
      this.log.error('operator audit not recorded', { action: r.action, error: e instanceof Error ? e.message : String(e) })
    }
  }

  list(q: { limit: number; beforeId?: number }): OperatorAuditEntry[] {
    return this.repo.audit(q).map(entry)
  }

  csv(fromAt: number | undefined, toAt: number | undefined): { csv: string; rows: number } {
    const rows = this.repo.audit({ limit: 1_000_000, ...(fromAt !== undefined ? { fromAt } : {}), ...(toAt !== undefined ? { toAt } : {}) }).reverse()
    const head = ['id', 'time', 'counter', 'operator', 'action', 'outcome', 'approver', 'ref', 'detail']
    const lines = rows.map((r) => [String(r.id), new Date(r.at).toISOString(), r.device_id, r.operator_no ?? '', r.action, r.outcome, r.approver_no ?? '', r.ref ?? '', r.detail ?? ''].map(cell).join(','))
    return { csv: `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`, rows: rows.length }
  }
}

function entry(r: OperatorAuditRow): OperatorAuditEntry {
  return {
    id: r.id,
    at: r.at,
    deviceId: r.device_id,
    operatorNo: r.operator_no,
    action: r.action,
    outcome: r.outcome,
    approverNo: r.approver_no,
    ref: r.ref,
    detail: r.detail ? (JSON.parse(r.detail) as AuditDetail) : null,
  }
}

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
export function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
