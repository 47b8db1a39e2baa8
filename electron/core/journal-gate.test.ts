// The journal gate against real files: every way a journal's files can go
// wrong starts the core in the problem state (no sale taken, the finding
// reported), and restoring the latest backup brings the books back — with the
// orders the backup did not know found again at the gateway.
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_MERCHANT } from '../gateway/sandbox/demo'
import { startSandboxGateway, type SandboxGateway } from '../gateway/sandbox/server'
import { applyFileFault, putBack, snapshot, type FileFault } from '../test-support/journal-file-faults'
import { commitSeq, MARKER_FILE } from '../journal/identity'
import { scaledPolicy } from '../payments/policy'
import { CODES } from '../test-support/payments-kit'
import type { AppHealth, AppInfo, JournalStatus, OrderView } from '../shared/contract'
import { createCore, type Core } from './create-core'
import { memoryLogger } from '../kernel/logger'

const SCALE = 0.01
const PIN = '246813'
let sandbox: SandboxGateway
const dirs: string[] = []

beforeAll(async () => {
  sandbox = await startSandboxGateway({ agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: DEMO_MERCHANT.keys, timeScale: SCALE })
})
afterAll(async () => {
  await sandbox?.close()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const temp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `counter-${name}-`))
  dirs.push(d)
  return d
}

/** The last sales still in the WAL when the files are damaged (as between two checkpoints): the keeper's checkpoint held off. */
const WAL_HOLDS_SALES = { fromBytes: Number.MAX_SAFE_INTEGER }

const start = (dir: string, backupEveryMs?: number, holdWal = false) =>
  createCore({
    ...(backupEveryMs ? { backupEveryMs } : {}),
    ...(holdWal ? { journalCheckpoint: WAL_HOLDS_SALES } : {}),
    userDataDir: dir,
    transport: 'browser',
    version: 'test',
    log: memoryLogger(),
    paymentPolicy: scaledPolicy(SCALE),
    gatewayTimeoutMs: 2_000,
    gateway: { mode: 'demo', baseUrl: sandbox.url, agentId: DEMO_MERCHANT.agentId, mchId: DEMO_MERCHANT.mchId, keys: { ...DEMO_MERCHANT.keys } },
  })

async function call<T>(core: Core, name: string, payload: unknown = {}): Promise<T> {
  const r = await core.dispatch(name, payload)
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`)
  return r.value as T
}

async function sell(core: Core, amountFen: number): Promise<string> {
  // A journal that had the supervisor PIN comes back with it migrated to manager 0001 (electron/operators): locked until signed in.
  if ((await call<{ enabled: boolean; signedIn: unknown }>(core, 'operators:status')).enabled && !core.services.operators.current()) {
    await call(core, 'operators:signIn', { operatorNo: '0001', pin: PIN })
  }
  const o = await call<OrderView>(core, 'payment:payByCode', { amountFen, authCode: CODES.instant })
  await core.services.engine.idle()
  expect(core.services.journal.orders.get(o.outTradeNo)?.state).toBe('paid')
  return o.outTradeNo
}

async function waitFinal(core: Core, outTradeNo: string): Promise<string> {
  const until = Date.now() + 15_000
  for (;;) {
    const state = core.services.journal.orders.get(outTradeNo)?.state
    if (state && ['paid', 'cancelled', 'closed', 'failed', 'review'].includes(state)) return state
    if (Date.now() > until) throw new Error(`${outTradeNo} still ${state}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('journal identity at start', () => {
  it('a fresh install is not a problem; the marker names the journal, beside it and in the secret store', async () => {
    const dir = temp('fresh')
    const core = await start(dir)
    expect(core.info().journal).toEqual({ state: 'ok', findings: [] })
    await sell(core, 100)
    await core.journal.settle()
    const marker = JSON.parse(readFileSync(join(dir, MARKER_FILE), 'utf8')) as { journalId: string; seq: number; deviceId: string }
    expect(marker.seq).toBe(commitSeq(core.services.journal.db))
    expect(marker.journalId).toBe(core.services.journal.getSetting('journal.id'))
    expect(marker.deviceId).toBe(core.services.settings.terminal().deviceId)
    const secret = JSON.parse((JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as { journalMarker: string }).journalMarker) as { journalId: string }
    expect(secret.journalId).toBe(marker.journalId)
    await core.close()
    const again = await start(dir)
    expect(again.info().journal.state).toBe('ok')
    await again.close()
  })
})

describe('other journals than the one the marker names', () => {
  it("another counter's journal put in its place is 'replaced'; one from a newer app is 'schema-newer'", async () => {
    const [mine, theirs] = [temp('mine'), temp('theirs')]
    for (const d of [mine, theirs]) {
      const c = await start(d)
      await sell(c, 100)
      await c.close()
    }
    copyFileSync(join(theirs, 'journal.sqlite3'), join(mine, 'journal.sqlite3'))
    let core = await start(mine)
    expect(core.info().journal.findings.map((f) => f.code)).toEqual(['replaced'])
    await core.close()
    copyFileSync(join(theirs, 'journal.marker.json'), join(mine, 'journal.marker.json'))
    core = await start(mine) // the marker file swapped too: the secret store still knows
    expect(core.info().journal.findings.map((f) => f.code)).toEqual(['replaced'])
    await core.close()
    rmSync(join(mine, 'secrets.json')) // now the only marker agrees: a journal that is its own is fine…
    core = await start(mine)
    expect(core.info().journal.state).toBe('ok')
    await core.close()
    const db = new Database(join(mine, 'journal.sqlite3'))
    db.pragma('user_version = 99') // …unless a newer app wrote it
    db.close()
    core = await start(mine)
    expect(core.info().journal.findings).toEqual([{ code: 'schema-newer', params: expect.objectContaining({ found: 99 }) }])
    await core.close()
  })
})

// Each fault: a counter sells, backs up, sells two more (the gateway has them
// paid), then its files are damaged as a power cut or a person would.
const CASES: [FileFault, string[]][] = [
  ['truncate', ['empty']],
  ['delete-wal', ['rolled-back']],
  ['garble-header', ['damaged']],
  ['garble-page', ['damaged']],
  ['garble-wal-frame', ['rolled-back']],
  ['delete-folder', ['missing']],
  ['older-copy', ['rolled-back']],
]

describe('a damaged journal stops sales and is restored from the latest backup', () => {
  it.each(CASES)('%s', async (fault, expected) => {
    const dir = temp(`fault-${fault}`)
    const usb = temp(`usb-${fault}`)
    const walFault = fault === 'delete-wal' || fault === 'garble-wal-frame'
    let core = await start(dir, undefined, walFault)
    await call(core, 'settings:setPin', { next: PIN })
    await call(core, 'journal:setBackupOptions', { options: { keep: 48, secondFolder: usb }, pin: PIN })
    const first = await sell(core, 101)
    await call(core, 'journal:backupNow')
    await core.journal.settle()
    const older = temp(`older-${fault}`)
    snapshot(dir, older)
    const later = [await sell(core, 102), await sell(core, 103)]
    await core.journal.settle()
    const crash = temp(`crash-${fault}`)
    snapshot(dir, crash) // as a power cut leaves it: WAL and all
    await core.close()
    if (walFault) putBack(crash, dir)
    applyFileFault(fault, dir, older)

    core = await start(dir)
    const info = core.info()
    expect(info.journal.state).toBe('problem')
    expect(expected).toContain(info.journal.findings[0]?.code)
    // No sale while the books are unknown, nor any other money call.
    const sale = await core.dispatch('payment:payByCode', { amountFen: 104, authCode: CODES.instant })
    expect(sale.ok ? null : sale.error.code).toBe('JOURNAL_PROBLEM')
    const refund = await core.dispatch('refunds:create', { outTradeNo: first, amountFen: 1, reason: 'x' })
    expect(refund.ok ? null : refund.error.code).toBe('JOURNAL_PROBLEM')
    expect(sandbox.state.findOrder(first)).toBeDefined()
    const health = await call<AppHealth>(core, 'app:health')
    expect(health.ok).toBe(false)
    expect(health.journalFindings?.map((f) => f.code)).toEqual(info.journal.findings.map((f) => f.code))
    expect((await call<AppInfo>(core, 'app:info')).journal.state).toBe('problem')

    const restored = await call<JournalStatus>(core, 'journal:restoreLatest', { pin: PIN })
    expect(restored.state).toBe('ok')
    expect(restored.restoredFrom?.reinserted).toBe(2) // delete-folder: named by the log's copy in the second folder
    // The backup knew the first sale; the two after it are asked for at the gateway and found paid.
    expect(core.services.journal.orders.get(first)?.state).toBe('paid')
    for (const no of later) expect(await waitFinal(core, no)).toBe('paid')
    await core.journal.settle()
    const marker = JSON.parse(readFileSync(join(dir, MARKER_FILE), 'utf8')) as { seq: number }
    expect(marker.seq).toBe(commitSeq(core.services.journal.db))
    // Nothing was deleted: what was there is kept aside.
    if (fault !== 'delete-folder') expect(readdirSync(dir).some((f) => f.startsWith('journal-aside-'))).toBe(true)
    await sell(core, 105)
    await core.close()
    const after = await start(dir)
    expect(after.info().journal.state).toBe('ok')
    await after.close()
  })
})

describe('starting a new journal', () => {
  it('needs the supervisor PIN, keeps the damaged file aside and the device id', async () => {
    const dir = temp('new')
    let core = await start(dir)
    await call(core, 'settings:setPin', { next: PIN })
    const before = await sell(core, 100)
    const deviceId = core.services.settings.terminal().deviceId
    await core.close()
    applyFileFault('garble-header', dir)
    core = await start(dir)
    const wrong = await core.dispatch('journal:startNew', { pin: '1111' })
    expect(wrong.ok ? null : wrong.error.code).toBe('PIN_INVALID')
    const none = await core.dispatch('journal:restoreLatest', { pin: PIN })
    expect(none.ok ? null : none.error.code).toBe('NOT_FOUND') // no backup was ever taken
    const fresh = await call<JournalStatus>(core, 'journal:startNew', { pin: PIN })
    expect(fresh.state).toBe('ok')
    expect(fresh.asideFolder).not.toBeNull()
    expect(existsSync(join(fresh.asideFolder as string, 'journal.sqlite3'))).toBe(true)
    expect(core.services.settings.terminal().deviceId).toBe(deviceId)
    expect(await waitFinal(core, before)).toBe('paid') // named by the recent-orders log, found paid at the gateway
    await sell(core, 101)
    await core.close()
  })
})

describe('a new journal after a backup', () => {
  it("keeps the counter's settings from the newest backup; only the books start empty", async () => {
    const dir = temp('new-settings')
    let core = await start(dir)
    await call(core, 'settings:setPin', { next: PIN })
    await call(core, 'settings:update', { patch: { storeName: '河西店' }, pin: PIN })
    await sell(core, 100)
    await call(core, 'journal:backupNow')
    await core.close()
    applyFileFault('garble-page', dir)
    core = await start(dir)
    expect(core.info().journal.findings[0]?.code).toBe('damaged')
    await call(core, 'journal:startNew', { pin: PIN })
    expect(core.services.settings.view().storeName).toBe('河西店')
    expect(core.services.journal.getSetting('journal.restoredFrom')).toBeNull()
    await core.close()
  })
})

describe('backups', () => {
  it('are taken at shift close and on the timer only while orders change', async () => {
    const dir = temp('when')
    const core = await start(dir, 150)
    const count = () => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.sqlite3')).length : 0)
    await new Promise((r) => setTimeout(r, 400))
    expect(count()).toBe(0) // nothing sold yet: nothing to back up
    await call(core, 'settings:setPin', { next: PIN })
    await sell(core, 300)
    for (let i = 0; i < 100 && count() === 0; i++) await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 400)) // a copy may have started mid-sale: let the timer catch up
    const settled = count()
    expect(settled).toBeGreaterThanOrEqual(1)
    expect(core.journal.status().latestBackup?.seq).toBe(commitSeq(core.services.journal.db))
    await new Promise((r) => setTimeout(r, 400))
    expect(count()).toBe(settled) // unchanged orders: no new copy
    await call(core, 'shifts:close', { pin: PIN })
    for (let i = 0; i < 100 && count() === settled; i++) await new Promise((r) => setTimeout(r, 20))
    expect(count()).toBe(settled + 1)
    const status = await call<JournalStatus>(core, 'journal:status')
    expect(status.backupCount).toBe(settled + 1)
    expect(status.latestBackup?.seq).toBe(commitSeq(core.services.journal.db))
    await core.close()
  })

  it('keeps N per folder, verifies each, and restore skips one that no longer verifies', async () => {
    const dir = temp('keep')
    const core = await start(dir)
    await call(core, 'settings:setPin', { next: PIN })
    await call(core, 'journal:setBackupOptions', { options: { keep: 2, secondFolder: '' }, pin: PIN })
    for (let i = 0; i < 3; i++) {
      await sell(core, 200 + i)
      await call(core, 'journal:backupNow')
    }
    const files = readdirSync(join(dir, 'backups')).sort()
    expect(files).toHaveLength(2)
    // Damage the newest: restore falls back to the older one, which still verifies.
    const newest = join(dir, 'backups', files[1] as string)
    const b = readFileSync(newest)
    b.fill(0x5a, 0, 100)
    writeFileSync(newest, b)
    const status = await call<JournalStatus>(core, 'journal:restoreLatest', { pin: PIN })
    expect(status.restoredFrom?.file).toBe(files[0])
    await core.close()
  })
})
