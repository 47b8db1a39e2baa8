// The print queue against a real virtual printer over loopback TCP: a job
// enqueued while the printer is away returns at once, is retried, and prints
// when the printer comes back; jobs stay in order; failures are listed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Printer } from '../../native-bridge/printer/printer'
import { TcpPrinterConnection } from '../../native-bridge/printer/tcp-connection'
import { parseEscPos } from '../../native-bridge/printer/testing/escpos-parser'
import { VirtualPrinter } from '../../native-bridge/printer/testing/virtual-printer'
import { PrintQueue, type PrintJob } from './print-queue'
import { receiptDocument } from './receipt-doc'
import { renderEscPos } from './render'

const header = { storeName: '测试店', counterId: 'POS01', cashier: '李四', demo: true }
const receipt = (no: string) => renderEscPos(receiptDocument({ kind: 'sale', header, outTradeNo: no, at: 0, method: 'cash', totalFen: 1000, cashGivenFen: 2000, changeFen: 1000 }), 58)

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('print queue', () => {
  let vp: VirtualPrinter
  let queue: PrintQueue
  let port = 0
  const changes: PrintJob[][] = []
  beforeEach(async () => {
    vp = new VirtualPrinter()
    await vp.start()
    port = vp.port
    changes.length = 0
    const printer = new Printer(new TcpPrinterConnection({ host: '127.0.0.1', port }), { jobTimeoutMs: 1_000 })
    queue = new PrintQueue({ printer: () => printer, backoff: { firstMs: 50, maxMs: 200 }, onChange: (j) => changes.push(j) })
  })
  afterEach(async () => {
    queue.close()
    await vp.stop()
  })

  it('prints receipts and drawer kicks in order', async () => {
    queue.enqueue('sale', 'A1', receipt('A1'))
    queue.openDrawer('A1')
    queue.enqueue('sale', 'A2', receipt('A2'))
    await until(() => queue.pending().length === 0)
    await vp.waitForJobs(3)
    expect(parseEscPos(vp.jobs[0]!).lines.some((l) => l.includes('A1'))).toBe(true)
    expect([...vp.jobs[1]!]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa])
    expect(parseEscPos(vp.jobs[2]!).lines.some((l) => l.includes('A2'))).toBe(true)
    expect(queue.list().map((j) => j.state)).toEqual(['printed', 'printed', 'printed'])
  })

  it('a printer that is away: enqueue returns at once, the job retries and prints when it is back', async () => {
    await vp.stop()
    // enqueue is synchronous: the sale that printed it never waits for the printer.
    const id = queue.enqueue('sale', 'B1', receipt('B1'))
    expect(queue.list().find((j) => j.id === id)!.state).toMatch(/queued|printing/)
    await until(() => {
      const j = queue.list().find((x) => x.id === id)!
      return j.attempts >= 2 && j.state === 'retrying'
    })
    expect(queue.list().find((j) => j.id === id)).toMatchObject({ state: 'retrying', lastError: 'refused' })
    vp = new VirtualPrinter()
    await vp.start(port)
    queue.retryNow()
    await until(() => queue.list().find((j) => j.id === id)!.state === 'printed')
    await vp.waitForJobs(1)
    expect(parseEscPos(vp.jobs[0]!).lines.some((l) => l.includes('找零'))).toBe(true)
  })

  it('a job dropped mid-way is retried; a dismissed job stops retrying', async () => {
    vp.fault = 'drop-mid-job'
    // Larger than loopback's socket buffers, so the reset reaches the sender mid-write.
    const big = new Uint8Array(32 * 1024 * 1024).fill(0x41)
    const id = queue.enqueue('report', 'Z1', big)
    await until(() => {
      const j = queue.list().find((x) => x.id === id)!
      return j.attempts >= 2 && j.state === 'retrying'
    })
    expect(queue.dismiss(id)).toBe(true)
    const attempts = queue.list().find((j) => j.id === id)!.attempts
    await new Promise((r) => setTimeout(r, 300))
    expect(queue.list().find((j) => j.id === id)).toMatchObject({ state: 'dismissed', attempts })
    expect(queue.pending()).toEqual([])
  })

  it('no printer configured: the job waits, listed', async () => {
    const q = new PrintQueue({ printer: () => null, backoff: { firstMs: 20, maxMs: 40 } })
    q.enqueue('test', 'T', Uint8Array.of(0x41))
    await until(() => q.list()[0]!.lastError === 'no-printer')
    expect(q.pending()).toHaveLength(1)
    q.close()
  })
})
