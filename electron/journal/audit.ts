import type { Db } from './db'
import type { CounterId } from './counter-id'

export interface AuditEntry {
  at: number
  call: string
  /** out_trade_no or out_refund_no the call was about. */
  ref: string | null
  outcome: string
  httpStatus: number | null
  durationMs: number
  /** Already masked by the gateway client (no keys, no sign, payment codes masked). */
  request: Record<string, unknown>
  response: Record<string, unknown> | null
  error: string | null
}

export class AuditRepo {
  private readonly insertStmt
  constructor(
    private readonly db: Db,
    private readonly counter: CounterId,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO audit (at, call, ref, outcome, http_status, duration_ms, request, response, error, device_id) VALUES (?,?,?,?,?,?,?,?,?,?)`,
    )
  }

  append(e: AuditEntry): void {
    this.insertStmt.run(
      e.at,
      e.call,
      e.ref,
      e.outcome,
      e.httpStatus,
      Math.round(e.durationMs),
      JSON.stringify(e.request),
      e.response ? JSON.stringify(e.response) : null,
      e.error,
      this.counter.current(),
    )
  }

  forRef(ref: string): { at: number; call: string; outcome: string; error: string | null }[] {
    return this.db.prepare(`SELECT at, call, outcome, error FROM audit WHERE ref = ? ORDER BY id`).all(ref) as {
      at: number
      call: string
      outcome: string
      error: string | null
    }[]
  }

  /** The newest call about `ref` among `calls` that got a verified answer (no transport/parse/signature error). */
  lastAnswered(ref: string, calls: readonly string[]): { outcome: string; response: string | null } | undefined {
    const marks = calls.map(() => '?').join(',')
    return this.db.prepare(`SELECT outcome, response FROM audit WHERE ref = ? AND call IN (${marks}) AND error IS NULL ORDER BY id DESC LIMIT 1`).get(ref, ...calls) as
      | { outcome: string; response: string | null }
      | undefined
  }

  /** Order numbers the audit names (gateway calls were made for them) that the orders table lacks, with the paytype the request named. Refund numbers (R…_…) are left out. */
  refsWithoutOrder(): { ref: string; paytype: string | null }[] {
    return this.db
      .prepare(
        `SELECT DISTINCT a.ref, json_extract(a.request, '$.paytype') paytype FROM audit a LEFT JOIN orders o ON o.out_trade_no = a.ref
         WHERE a.ref IS NOT NULL AND a.ref NOT LIKE 'R%\\_%' ESCAPE '\\' AND o.out_trade_no IS NULL`,
      )
      .all() as { ref: string; paytype: string | null }[]
  }

  all(): { call: string; ref: string | null; request: string; response: string | null; error: string | null }[] {
    return this.db.prepare(`SELECT call, ref, request, response, error FROM audit ORDER BY id`).all() as {
      call: string
      ref: string | null
      request: string
      response: string | null
      error: string | null
    }[]
  }
}
