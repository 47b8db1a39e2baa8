// USB printers through the OS printer queue. On Linux with CUPS (lp, lpadmin,
// a running cupsd) a raw queue pointing at the virtual printer on loopback
// (socket://127.0.0.1:<port>) carries a receipt byte for byte. Without CUPS the
// queue test is skipped and says why; the missing-`lp` fault runs everywhere.
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INIT, PARTIAL_CUT, concatBytes, drawerKick } from './escpos'
import { Printer } from './printer'
import { SpoolerPrinterConnection } from './spooler-connection'
import { parseEscPos } from './testing/escpos-parser'
import { VirtualPrinter } from './testing/virtual-printer'
import { DEFAULT_DRAWER_PULSE, PrinterError } from './types'

function cupsMissing(): string | null {
  if (process.platform !== 'linux') return 'not Linux'
  for (const tool of ['lp', 'lpadmin', 'lpstat']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' })
    } catch {
      return `${tool} not installed (Debian: cups-client, and cups for the scheduler)`
    }
  }
  let said = ''
  try {
    said = execFileSync('lpstat', ['-r'], { stdio: 'pipe' }).toString()
  } catch {
    said = ''
  }
  // "scheduler is running" / "scheduler is not running" (the exit code does not always tell).
  if (!/is running/.test(said)) return 'the CUPS scheduler (cupsd) is not running'
  return null
}
const missing = cupsMissing()
if (missing) console.warn(`spooler.test.ts: CUPS queue test skipped: ${missing}`)

describe('spooler connection', () => {
  it('lp missing: a typed io error that says so (the job is kept and retried by the queue)', async () => {
    const c = new SpoolerPrinterConnection({ queue: 'counter-test', platform: 'linux', lpCommand: '/nonexistent/lp' })
    const err = await c.write(Uint8Array.of(0x41), 1_000).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PrinterError)
    expect(err).toMatchObject({ kind: 'io', message: expect.stringContaining('not found') })
    expect(await c.request()).toBeNull() // a spooler carries no status answers back: "unknown"
  })

  describe.skipIf(missing !== null)(`through a CUPS raw queue${missing ? ` (skipped: ${missing})` : ''}`, () => {
    const vp = new VirtualPrinter()
    const queue = `counter-test-${process.pid}`
    beforeAll(async () => {
      await vp.start()
      execFileSync('lpadmin', ['-p', queue, '-E', '-v', `socket://127.0.0.1:${vp.port}`, '-m', 'raw'], { stdio: 'pipe' })
    })
    afterAll(async () => {
      try {
        execFileSync('lpadmin', ['-x', queue], { stdio: 'pipe' })
      } finally {
        await vp.stop()
      }
    })

    it('a receipt and a drawer kick reach the printer byte for byte', async () => {
      const printer = new Printer(new SpoolerPrinterConnection({ queue }), { jobTimeoutMs: 10_000 })
      const job = concatBytes(INIT, Buffer.from('SPOOLER TEST\n'), PARTIAL_CUT)
      await printer.print(job)
      await printer.openDrawer()
      await vp.waitForJobs(2, 30_000)
      expect(vp.jobs.map((j) => [...j])).toEqual([[...job], [...drawerKick(DEFAULT_DRAWER_PULSE)]])
      expect(parseEscPos(vp.jobs[0]!).lines).toContain('SPOOLER TEST')
    })

    it('an unknown queue: lp refuses, a typed io error', async () => {
      const err = await new SpoolerPrinterConnection({ queue: `${queue}-nope` }).write(Uint8Array.of(0x41), 5_000).catch((e: unknown) => e)
      expect(err).toMatchObject({ kind: 'io' })
    })
  })
})
