// The printing service: builds receipts from the journal, renders them
// (ESC/POS for the printer, SVG for the preview) and hands them to the print
// queue. Everything here runs after the money is journaled and never throws
// into a payment: auto-print waits for the next turn of the event loop, and a
// receipt that cannot be built is logged, not raised.
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'
import type { PrinterSlot } from '../devices/printer-slot'
import type { Printer } from '../../native-bridge/printer/printer'
import type { OrderView, PrintJobView, PrintTarget } from '../shared/contract'
import { PosFailure } from '../shared/result'
import { PrintQueue, type PrintJob, type PrintJobStore } from './print-queue'
import type { PaperWidth, Receipt, ReceiptHeader } from './receipt-data'
import { receiptDocument } from './receipt-doc'
import { buildReceipt, type ReceiptSources } from './receipts'
import { renderEscPos, renderSvg } from './render'

export interface PrintingDeps {
  sources: Omit<ReceiptSources, 'width'>
  printer: () => Printer | null
  /** The printer role: paper width, auto-print, status checks after a failed job. */
  role: () => PrinterSlot
  /** Where jobs are kept across restarts (the journal's print_jobs); none = memory only. */
  store?: PrintJobStore
  bus: EventBus
  log: Logger
  backoff?: { firstMs: number; maxMs: number }
}

const KIND: Record<PrintTarget['kind'], PrintJob['kind']> = { sale: 'sale', refund: 'refund', report: 'report', movement: 'cash', test: 'test' }

function refOf(t: PrintTarget): string {
  switch (t.kind) {
    case 'sale':
      return t.outTradeNo
    case 'refund':
      return t.outRefundNo
    case 'report':
      return t.shiftId ?? 'X'
    case 'movement':
      return `M${t.id}`
    case 'test':
      return 'test'
  }
}

export class PrintingService {
  readonly queue: PrintQueue
  private readonly sources: ReceiptSources
  private lastSale: string | null = null
  private readonly autoPrinted = new Set<string>()

  constructor(private readonly d: PrintingDeps) {
    this.sources = { ...d.sources, width: () => this.width() }
    this.queue = new PrintQueue({
      printer: d.printer,
      drawer: () => d.role().drawer(),
      render: (receipt) => renderEscPos(receiptDocument(receipt), this.width()),
      ...(d.store ? { store: d.store } : {}),
      onStoreError: (e) => d.log.warn('printing: print job not written to the journal (kept in memory)', { error: e instanceof Error ? e.message : String(e) }),
      ...(d.backoff ? { backoff: d.backoff } : {}),
      onChange: (jobs) => this.changed(jobs),
    })
    // A printer that comes back (status ok again) gets its waiting jobs at once.
    d.bus.on('devices:status', (s) => {
      if (s.device === 'printer' && ['ok', 'unknown'].includes(String(s.detail.params?.['printerStatus'])) && this.queue.pending().some((j) => j.state === 'retrying')) this.queue.retryNow()
    })
    d.bus.on('payment:update', (o) => this.onPaid(o))
  }

  width(): PaperWidth {
    return this.d.role().config().width
  }

  /** Queues a receipt; a person asking for it again gets a reprint mark on paper. */
  print(target: PrintTarget, reprint = true): PrintJobView {
    const receipt = buildReceipt(this.sources, target, reprint && target.kind !== 'test')
    // The receipt's data is queued (and kept); it is rendered when sent, at the paper width then.
    const id = this.queue.enqueueReceipt(KIND[target.kind], refOf(target), receipt)
    return this.job(id)
  }

  /** A receipt built elsewhere (the day summary: the shifts domain checks who may print it first). */
  printReceipt(receipt: Receipt, ref: string): PrintJobView {
    return this.job(this.queue.enqueue('report', ref, renderEscPos(receiptDocument(receipt), this.width())))
  }

  previewReceipt(receipt: Receipt, width?: PaperWidth): { svg: string; width: PaperWidth } {
    const w = width ?? this.width()
    return { svg: renderSvg(receiptDocument(receipt), w), width: w }
  }

  /** The header receipts print (store, counter, demo), with this cashier. */
  header(cashier: string): ReceiptHeader {
    return this.sources.header(cashier)
  }

  printLast(): PrintJobView {
    const last = this.lastSale ?? this.latestPaid()
    if (!last) throw new PosFailure('NOT_FOUND', '还没有可重印的销售小票', { reason: 'last-sale-receipt' })
    return this.print({ kind: 'sale', outTradeNo: last })
  }

  preview(target: PrintTarget, width?: PaperWidth): { svg: string; width: PaperWidth } {
    const w = width ?? this.width()
    return { svg: renderSvg(receiptDocument(buildReceipt(this.sources, target, false)), w), width: w }
  }

  /** Opens the drawer (through the printer, in order with receipts) and, with auto-print, prints the slip. */
  drawer(ref: string): void {
    // Called right after a payment's commit: a failure here is logged, never raised into the sale.
    this.safely(() => this.queue.openDrawer(ref))
    if (!this.d.role().config().autoPrint) return
    setImmediate(() => {
      const target: PrintTarget | null = ref.startsWith('M') ? { kind: 'movement', id: Number(ref.slice(1)) } : ref.startsWith('R') ? { kind: 'refund', outRefundNo: ref } : null
      if (target) this.safely(() => this.print(target, false))
    })
  }

  jobs(): PrintJobView[] {
    return this.queue.list()
  }

  close(): void {
    this.queue.close()
  }

  /** A sale that just became paid: remembered for "print last"; printed by itself when auto-print is on. */
  private onPaid(o: OrderView): void {
    if (o.state !== 'paid' || o.refundedFen > 0 || this.autoPrinted.has(o.outTradeNo)) return
    this.autoPrinted.add(o.outTradeNo)
    if (this.autoPrinted.size > 500) this.autoPrinted.delete(this.autoPrinted.values().next().value as string)
    this.lastSale = o.outTradeNo
    if (!this.d.role().config().autoPrint) return
    // After the paid answer has gone out: the receipt never delays it.
    setImmediate(() => this.safely(() => this.print({ kind: 'sale', outTradeNo: o.outTradeNo }, false)))
  }

  private latestPaid(): string | null {
    return this.d.sources.journal.orders.lastPaid()
  }

  private job(id: number): PrintJobView {
    return this.queue.list().find((j) => j.id === id) as PrintJobView
  }

  private safely(f: () => unknown): void {
    try {
      f()
    } catch (e) {
      this.d.log.warn('printing: receipt not queued', { error: e instanceof Error ? e.message : String(e) })
    }
  }

  private changed(jobs: PrintJob[]): void {
    this.d.bus.emit('printing:jobs', jobs)
    const failing = jobs.find((j) => j.state === 'retrying')
    const printing = jobs.some((j) => j.state === 'printing')
    if (!printing) this.d.role().jobResult(failing?.lastError ?? null)
  }
}
