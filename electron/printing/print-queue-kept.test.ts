// The print queue kept in a real SQLite journal file: a job that fails
// (printer refused, hangs, closes mid-job) stays in the journal with its
// attempts and last error, is retried with backoff, and after a restart (a new
// queue on the same journal) prints against the virtual TCP printer. The row
// holds the receipt's data, never bytes or sentences.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Printer } from '../../native-bridge/printer/printer'
import { TcpPrinterConnection } from '../../native-bridge/printer/tcp-connection'
import { parseEscPos } from '../../native-bridge/printer/testing/escpos-parser'
import { VirtualPrinter, type VirtualPrinterFault } from '../../native-bridge/printer/testing/virtual-printer'
import { Journal } from '../journal'
import { PrintQueue } from './print-queue'
import type { SaleReceipt } from './receipt-data'
import { receiptDocument } from './receipt-doc'
import { renderEscPos } from './render'

const header = { storeName: '测试店', counterId: 'POS01', cashier: '李四', demo: true }
const sale = (no: string): SaleReceipt => ({ kind: 'sale', header, outTradeNo: no, at: 0, method: 'cash', totalFen: 1000, cashGivenFen: 2000, changeFen: 1000 })
const render = (r: SaleReceipt | Parameters<typeof receiptDocument>[0]) => renderEscPos(receiptDocument(r), 58)

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not reached: ${check.toString().slice(0, 120)}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('print queue kept in the journal', () => {
  let dir: string
  let journal: Journal
  let vp: VirtualPrinter
  const queues: PrintQueue[] = []
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'counter-print-'))
    journal = Journal.inFolder(dir)
    vp = new VirtualPrinter()
    await vp.start()
  })
  afterEach(async () => {
    for (const q of queues.splice(0)) q.close()
    journal.close()
    await vp.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  const queue = (j: Journal, port: number, over: { render?: typeof render; jobTimeoutMs?: number } = {}) => {
    const printer = new Printer(new TcpPrinterConnection({ host: '127.0.0.1', port }), { jobTimeoutMs: over.jobTimeoutMs ?? 1_000 })
    const q = new PrintQueue({ printer: () => printer, render: over.render ?? render, store: j.printJobs, backoff: { firstMs: 40, maxMs: 160 } })
    queues.push(q)
    return q
  }
  const settle = () => new Promise((r) => setImmediate(r))

  for (const fault of ['refused', 'stall', 'drop-mid-job'] as const) {
    it(`printer ${fault}: the job stays in the journal (failed, attempts, error), is retried, and prints after a restart`, async () => {
      const port = vp.port
      if (fault === 'refused') await vp.stop()
      else vp.fault = fault as VirtualPrinterFault
      // A hang or a reset needs a job larger than loopback's socket buffers to reach the sender.
      const big = new Uint8Array(32 * 1024 * 1024).fill(0x41)
      const q = queue(journal, port, fault === 'refused' ? {} : { render: () => big, jobTimeoutMs: 300 })
      const id = q.enqueueReceipt('sale', 'S1', sale('S1'))
      const drawer = q.openDrawer('S1')
      // Returns before any journal write (the write is behind the sale's own commit); speed is in the bench, not here.
      expect(journal.printJobs.get(id)).toBeUndefined()
      await until(() => (journal.printJobs.get(id)?.attempts ?? 0) >= 2 && journal.printJobs.get(id)?.state === 'failed')
      const row = journal.printJobs.get(id)!
      expect(row.last_error).toEqual(fault === 'refused' ? 'refused' : fault === 'stall' ? 'timeout' : expect.stringMatching(/^(closed|io)$/))
      expect(row.next_attempt_at).toBeGreaterThan(row.updated_at - 1)
      expect(JSON.parse(row.document)).toEqual({ type: 'receipt', receipt: sale('S1') })
      // The drawer kick behind it waits its turn (receipts and kicks stay in order).
      expect(journal.printJobs.get(drawer)).toMatchObject({ state: 'pending', attempts: 0, document: '{"type":"drawer"}' })
      q.close()
      if (fault !== 'refused') await vp.stop()

      // Restart: a new queue on the reopened journal, the printer healthy on the same port.
      journal.close()
      journal = Journal.inFolder(dir)
      vp = new VirtualPrinter()
      await vp.start(port)
      const again = queue(journal, port)
      expect(again.pending().map((j) => [j.id, j.kind, j.state])).toEqual([
        [id, 'sale', 'retrying'],
        [drawer, 'drawer', 'queued'],
      ])
      again.retryNow()
      await until(() => again.pending().length === 0)
      await vp.waitForJobs(2)
      expect(parseEscPos(vp.jobs[0]!).lines.join('\n')).toMatch(/S1[\s\S]*找零\s+￥10\.00/)
      expect([...vp.jobs[1]!]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa])
      await settle()
      expect(journal.printJobs.get(id)).toMatchObject({ state: 'printed', last_error: null })
      expect(journal.printJobs.open()).toEqual([])
      // New jobs after the restart get new numbers.
      expect(again.enqueueReceipt('sale', 'S2', sale('S2'))).toBeGreaterThan(drawer)
    })
  }

  it('a dismissed job stays dismissed after a restart; a row that cannot be read is dismissed, not thrown', async () => {
    const port = vp.port
    await vp.stop()
    const q = queue(journal, port)
    const id = q.enqueueReceipt('sale', 'D1', sale('D1'))
    await until(() => q.list()[0]!.state === 'retrying')
    q.dismiss(id)
    q.close()
    journal.printJobs.save([{ id: 99, kind: 'sale', ref: 'X', document: '{"type":"words","text":"hello"}', state: 'failed', attempts: 1, last_error: 'refused', next_attempt_at: 0, created_at: 0, updated_at: 0 }])
    const again = queue(journal, port)
    expect(again.list()).toEqual([expect.objectContaining({ id: 99, state: 'dismissed', lastError: 'unreadable' })])
    await settle()
    expect(journal.printJobs.get(id)).toMatchObject({ state: 'dismissed' })
    expect(journal.printJobs.open()).toEqual([])
  })

  it('a journal that refuses the write: the job still prints from memory', async () => {
    const q = new PrintQueue({
      printer: () => new Printer(new TcpPrinterConnection({ host: '127.0.0.1', port: vp.port })),
      render,
      store: { ...journal.printJobs, open: () => [], maxId: () => 0, prune: () => 0, save: () => { throw new Error('SQLITE_FULL: database or disk is full') } },
      onStoreError: (e) => errors.push(String(e)),
    })
    const errors: string[] = []
    queues.push(q)
    q.enqueueReceipt('sale', 'M1', sale('M1'))
    await until(() => q.pending().length === 0)
    await vp.waitForJobs(1)
    expect(errors.join()).toContain('SQLITE_FULL')
  })
})
