// One object for the whole journal so services share one connection.
import { join } from 'node:path'
import { AuditRepo } from './audit'
import { CounterId } from './counter-id'
import { openDb, type Db, type OpenOptions } from './db'
import { OperatorsRepo } from './operators'
import { OrdersRepo } from './orders'
import { OutboxRepo } from './outbox'
import { RefundsRepo } from './refunds'
import { ShiftsRepo } from './shifts'
import { CashRepo } from './cash'
import { PrintJobsRepo } from './print-jobs'
import { DayRepo } from './day'
import { DownstreamRepo } from './downstream'
import { ReconcileRepo } from './reconcile'
import { searchOrders, type OrderSearchQuery, type OrderSearchResult } from './order-search'

export class Journal {
  readonly orders: OrdersRepo
  readonly refunds: RefundsRepo
  readonly audit: AuditRepo
  readonly outbox: OutboxRepo
  /** The device id this counter stamps its rows with (counter-id.ts). */
  readonly counterId: CounterId
  readonly shifts: ShiftsRepo
  readonly reconcile: ReconcileRepo
  /** The drawer: cash movements and the counts at close. */
  readonly cash: CashRepo
  readonly operators: OperatorsRepo
  /** The print queue's jobs (printing/print-queue.ts): kept until printed or dismissed. */
  readonly printJobs: PrintJobsRepo
  /** The day summary's per-operator split (日结). */
  readonly days: DayRepo
  /** What flows down from the store: operators and the store settings (applied after each ship cycle). */
  readonly downstream: DownstreamRepo

  constructor(readonly db: Db) {
    this.counterId = new CounterId(db)
    this.orders = new OrdersRepo(db, this.counterId)
    this.refunds = new RefundsRepo(db, this.counterId)
    this.audit = new AuditRepo(db, this.counterId)
    this.outbox = new OutboxRepo(db)
    this.cash = new CashRepo(db)
    this.shifts = new ShiftsRepo(db, this.counterId, this.cash)
    this.reconcile = new ReconcileRepo(db)
    this.operators = new OperatorsRepo(db)
    this.printJobs = new PrintJobsRepo(db)
    this.days = new DayRepo(db)
    this.downstream = new DownstreamRepo(db, () => this.counterId.current())
  }

  static open(path: string, options: OpenOptions = {}): Journal {
    return new Journal(openDb(path, options))
  }

  static inFolder(userDataDir: string): Journal {
    return Journal.open(join(userDataDir, 'journal.sqlite3'))
  }

  /** Runs `fn` in one SQLite transaction (committed on return, rolled back on a throw). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  /** The orders screen's search (journal indexes; see bench/ for a million orders). */
  searchOrders(q: OrderSearchQuery): OrderSearchResult {
    return searchOrders(this.db, q)
  }

  /** Atomically increments a named counter (order numbers survive restarts). */
  next(counter: string): number {
    // Prepared once: on the sale path, and a statement per call holds native memory until GC.
    this.nextStmt ??= this.db.prepare(`INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`)
    return (this.nextStmt.get(counter) as { value: number }).value
  }
  private nextStmt: ReturnType<Db['prepare']> | null = null

  getSetting(key: string): string | null {
    const row = this.db.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined
    return row?.value ?? null
  }

  setSetting(key: string, value: string): void {
    this.db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(key, value)
    if (key === 'settings' || key === 'install.deviceId') this.counterId.forget()
  }

  healthy(): boolean {
    try {
      return (this.db.prepare('SELECT 1 ok').get() as { ok: number }).ok === 1
    } catch {
      return false
    }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

export type { OrderRow } from './orders'
export type { RefundRow } from './refunds'
export type { AuditEntry } from './audit'
export type { OutboxBatch, OutboxEntry } from './outbox'
export type { PulledOperator, PulledStoreSettings, StoreSettingsRow } from './downstream'
export type { FloatSourceRow, ShiftAggregates, ShiftRow } from './shifts'
export type { OperatorAgg } from './day'
export type { OperatorAuditRow, OperatorRole, OperatorRow } from './operators'
export { CashRepo, countedFen } from './cash'
export type { DrawerCountRow, MovementTotals, NewMovement } from './cash'
export { PrintJobsRepo } from './print-jobs'
export type { PrintJobRow, PrintJobRowState } from './print-jobs'
