// Paid → first receipt byte at the printer: a network printer on loopback
// (a TCP server that timestamps the first byte of every print connection),
// auto-print on. For a cash sale t0 is the moment cash:sale answers; for a
// wallet sale the moment the engine emits the paid update. The drawer kick of a
// cash sale goes first (it is what the cashier needs), so that row measures the
// first byte of the drawer job and, separately, of the receipt.
import { createServer, type Socket } from 'node:net'
import { createCore } from '../electron/core/create-core'
import { silentLogger } from '../electron/kernel/logger'
import { CODES } from '../electron/test-support/payments-kit'
import { gatewayConfigFor, startSandbox, tempDir } from './lib/gateway'

export interface ReceiptSample {
  kind: 'cash' | 'wallet'
  /** Paid answer → first byte of the first print connection (the drawer kick for cash, the receipt for wallets). */
  firstByteMs: number
  /** Paid answer → first byte of the receipt itself. */
  receiptMs: number
}

/** A printer that records when each print connection's first byte arrives (status checks, 10 04 n, are skipped). */
async function timingPrinter(): Promise<{ port: number; next(n: number): Promise<number[]>; close(): Promise<void> }> {
  const firsts: number[] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    let seen = false
    socket.on('data', (chunk: Buffer) => {
      if (!seen && chunk[0] !== 0x10) firsts.push(performance.now())
      seen = true
    })
    socket.on('error', () => {})
    socket.on('end', () => socket.end())
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    port: (server.address() as { port: number }).port,
    async next(n) {
      const from = firsts.length
      const until = Date.now() + 5_000
      while (firsts.length < from + n && Date.now() < until) await new Promise((r) => setTimeout(r, 1))
      return firsts.slice(from, from + n)
    },
    close: async () => {
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(r))
    },
  }
}

export async function receiptLatency(samples: number): Promise<ReceiptSample[]> {
  const sandbox = await startSandbox()
  const printer = await timingPrinter()
  const dir = tempDir('receipt-latency')
  const core = await createCore({ userDataDir: dir.path, transport: 'browser', version: 'bench', log: silentLogger, gateway: gatewayConfigFor(sandbox.url), printing: { slot: { statusEveryMs: 0 } } })
  const out: ReceiptSample[] = []
  try {
    await core.services.devices.configure({ printer: { connection: { kind: 'tcp', host: '127.0.0.1', port: printer.port }, width: 58, drawer: { kind: 'printer' }, drawerPulse: { m: 0, t1: 0x19, t2: 0xfa }, autoPrint: true } })
    let paidAt = 0
    core.bus.on('payment:update', (o) => {
      if (o.state === 'paid' && o.method !== 'cash') paidAt = performance.now()
    })
    for (let i = 0; i < samples; i++) {
      const cash = i % 2 === 0
      const firsts = printer.next(cash ? 2 : 1)
      if (cash) {
        const r = await core.dispatch('cash:sale', { amountFen: 1234, givenFen: 2000 })
        paidAt = performance.now()
        if (!r.ok) throw new Error(r.error.message)
      } else {
        const r = await core.dispatch('payment:payByCode', { amountFen: 1234, authCode: CODES.instant })
        if (!r.ok) throw new Error(r.error.message)
        await core.services.engine.idle()
      }
      const t = await firsts
      if (t.length < (cash ? 2 : 1)) throw new Error('printer did not receive the receipt')
      out.push({ kind: cash ? 'cash' : 'wallet', firstByteMs: t[0]! - paidAt, receiptMs: t.at(-1)! - paidAt })
      // Let the queue drain so every sample starts with the printer idle.
      while (core.services.printing.queue.pending().length > 0) await new Promise((r) => setTimeout(r, 1))
    }
  } finally {
    await core.close()
    await printer.close()
    await sandbox.close()
    dir.remove()
  }
  return out
}
