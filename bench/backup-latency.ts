// Row 7: a sale while the journal is being backed up. A core runs on a copy of
// the 1,000,000-order journal (big-journal.ts); scan → pay request (the HID
// keyboard path of row 1: Enter report → decoder → validator → payByCode →
// journal commit → signed request at the sandbox) is sampled without a
// backup, then back to back while `journal:backupNow` copies the journal with
// SQLite's online backup API (a few pages per event-loop turn), verifies the
// copy (quick_check) and rotates, in rounds until enough sales ran during backups.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createCore } from '../electron/core/create-core'
import { silentLogger } from '../electron/kernel/logger'
import { CODES } from '../electron/test-support/payments-kit'
import { HidScannerAdapter } from '../native-bridge/scanners/hid-adapter'
import { keyboardReports } from '../native-bridge/scanners/test-reports'
import { BIG_JOURNAL, ensureBigJournal } from './big-journal'
import { gatewayConfigFor, startSandbox, tempDir } from './lib/gateway'
import { InjectedHidDevice, payArrivals, waitConnected } from './scan-latency'

export interface BackupLatency {
  idleMs: number[]
  duringMs: number[]
  backups: { ms: number; bytes: number }[]
}

export async function backupLatency(samples: number, log: (s: string) => void = () => {}): Promise<BackupLatency> {
  ensureBigJournal(BIG_JOURNAL, log)
  const dir = tempDir('backup-1m')
  mkdirSync(dir.path, { recursive: true })
  copyFileSync(BIG_JOURNAL, join(dir.path, 'journal.sqlite3'))
  const sandbox = await startSandbox()
  const device = new InjectedHidDevice()
  const core = await createCore({
    userDataDir: dir.path,
    transport: 'browser',
    version: 'bench',
    log: silentLogger,
    gateway: gatewayConfigFor(sandbox.url),
    backupEveryMs: 0, // only the backups this bench asks for
    deviceAdapters: { scanner: (cfg) => (cfg.kind === 'hid' ? new HidScannerAdapter({ ...cfg, openDevice: async () => device }) : (() => { throw new Error('hid only') })()) },
  })
  const arrivals = payArrivals(sandbox)
  const reports = keyboardReports(`${CODES.instant}\n`).map((r) => Buffer.from(r))
  const body = reports.slice(0, -2)
  const [enter, release] = reports.slice(-2) as [Buffer, Buffer]
  core.bus.on('devices:scan', (scan) => {
    if (scan.paytype) void core.dispatch('payment:payByCode', { amountFen: 1234, authCode: scan.code })
  })
  const sale = async (): Promise<number> => {
    for (const r of body) device.emit('data', r)
    const arrived = arrivals.next()
    const t0 = performance.now()
    device.emit('data', enter)
    const ms = (await arrived) - t0
    device.emit('data', release)
    await core.services.engine.idle()
    return ms
  }
  const out: BackupLatency = { idleMs: [], duringMs: [], backups: [] }
  try {
    await core.services.devices.configure({ scanner: { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b61, protocol: 'keyboard' } })
    await waitConnected(core)
    for (let i = 0; i < 20; i++) await sale() // warm-up
    // Rounds of (sales without a backup, then sales during one), so both see the same machine load.
    while (out.duringMs.length < samples && out.backups.length < 5) {
      for (let i = 0; i < Math.ceil(samples / 3); i++) out.idleMs.push(await sale())
      const t0 = performance.now()
      let done = false
      const backup = core.journal.backupNow().finally(() => (done = true))
      while (!done) out.duringMs.push(await sale())
      const b = await backup
      out.backups.push({ ms: performance.now() - t0, bytes: b.bytes })
      log(`  backup of ${(b.bytes / 1024 / 1024).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${out.duringMs.length} sales during backups so far`)
    }
  } finally {
    arrivals.stop()
    await core.close()
    await sandbox.close()
    dir.remove()
  }
  return out
}
