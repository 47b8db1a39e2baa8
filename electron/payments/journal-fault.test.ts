// The journal stops taking writes while a customer enters the password: the
// paid answer is kept in memory and retried, the panel and every window are
// told, new sales are refused until a write succeeds, and nothing is lost.
// Real SQLite journal (faults injected by SQLite triggers, or a real full tmpfs),
// real sandbox over loopback.
import { afterEach, describe, expect, it } from 'vitest'
import { injectWriteFailure, smallDisk, type SmallDisk } from '../test-support/journal-write-faults'
import type { AppHealth, AppProblem, OrderView } from '../shared/contract'
import { CODES, startTestCore, type TestCore } from '../test-support/payments-kit'

let core: TestCore | null = null
let disk: SmallDisk | null = null
afterEach(async () => {
  await core?.services.engine.idle()
  await core?.dispose()
  core = null
  disk?.unmount()
  disk = null
})

async function until<T>(what: string, get: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = get()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

function watch(c: TestCore) {
  const updates: OrderView[] = []
  const problems: AppProblem[] = []
  c.bus.on('payment:update', (o) => updates.push(o))
  c.bus.on('app:problem', (p) => problems.push(p))
  return { updates, problems }
}

async function health(c: TestCore): Promise<AppHealth> {
  const r = await c.dispatch('app:health', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value as AppHealth
}

async function paidWhileJournalFails(c: TestCore, breakJournal: () => void, repair: () => void, reason: string) {
  const seen = watch(c)
  c.services.settings.setPin('808182')
  const r = await c.dispatch('payment:payByCode', { amountFen: 1234, authCode: CODES.password })
  if (!r.ok) throw new Error(r.error.message)
  const no = (r.value as OrderView).outTradeNo
  await until('the customer entering the password', () => seen.updates.find((u) => u.outTradeNo === no && u.state === 'paying'))
  breakJournal()

  // The sandbox says paid; the journal refuses it: the panel still learns "paid", marked unrecorded.
  const shown = await until('paid, unrecorded', () => seen.updates.find((u) => u.outTradeNo === no && u.state === 'paid' && u.unrecorded))
  expect(shown.transactionId).toBeTruthy()
  expect(c.services.journal.orders.get(no)?.state).not.toBe('paid')
  expect(seen.problems.some((p) => p.kind === 'journal' && p.code === 'journal-failing')).toBe(true)
  const h = await health(c)
  expect(h).toMatchObject({ ok: false, journal: 'failing', journalReason: reason })
  expect(h.journalPending).toBeGreaterThan(0)

  // No new sale while the books are unknown, and the sandbox never sees one.
  const before = c.services.sandbox?.state.orders.size
  const refused = await c.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant })
  expect(!refused.ok && refused.error.code).toBe('JOURNAL')
  expect(c.services.sandbox?.state.orders.size).toBe(before)
  const close = await c.dispatch('shifts:close', { pin: '808182' })
  expect(!close.ok && close.error.code).toBe('JOURNAL')

  // The disk is fixed: the retry loop writes the paid order; the panel gets the recorded state.
  repair()
  await until('the paid order written', () => c.services.journal.orders.get(no)?.state === 'paid', 15_000)
  await c.services.engine.ctx.deps.writes.settled()
  expect(c.services.journal.orders.get(no)).toMatchObject({ state: 'paid', transaction_id: shown.transactionId, amount_fen: 1234 })
  expect(seen.updates.at(-1)).toMatchObject({ outTradeNo: no, state: 'paid' })
  expect(seen.updates.at(-1)?.unrecorded).toBeUndefined()
  expect(seen.problems.some((p) => p.code === 'journal-recovered')).toBe(true)
  expect(await health(c)).toMatchObject({ journal: 'ok' })
  // The audit of every gateway call made it too (it was kept and retried as well).
  expect(c.services.journal.audit.forRef(no).map((a) => a.call)).toContain('orderquery')
  const next = await c.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant })
  expect(next.ok).toBe(true)
  expect((await c.settle((next as { value: OrderView }).value.outTradeNo)).state).toBe('paid')
  // Exactly one charge for the first sale at the sandbox.
  expect(c.services.sandbox?.state.findOrder(no)?.status).toBe('paid')
  expect([...(c.services.sandbox?.state.orders.values() ?? [])].filter((o) => o.status === 'paid' && o.totalFee === 1234)).toHaveLength(1)
}

describe('the journal stops taking writes while the customer enters the password', () => {
  it('injected write errors (SQLite refuses every write): kept in memory, retried, nothing lost', async () => {
    core = await startTestCore()
    const c = core
    let fault: { heal(): void } | null = null
    await paidWhileJournalFails(
      c,
      () => (fault = injectWriteFailure(c.services.journal.db)),
      () => fault?.heal(),
      'write-error',
    )
  })

  it('a real full disk (4 MiB tmpfs filled to ENOSPC → SQLITE_FULL)', async (t) => {
    disk = smallDisk()
    if (!disk) return t.skip() // mounting a tmpfs needs root; the injected case above covers the logic
    core = await startTestCore({}, disk.dir)
    const c = core
    const d = disk
    await paidWhileJournalFails(
      c,
      () => d.fill(c.services.journal.db),
      () => d.free(),
      'disk-full',
    )
  })

  it('app:health probes with a real write: a journal that refuses writes is reported failing even when idle', async () => {
    core = await startTestCore()
    expect(await health(core)).toMatchObject({ ok: true, journal: 'ok' })
    const fault = injectWriteFailure(core.services.journal.db)
    expect(await health(core)).toMatchObject({ ok: false, journal: 'failing', journalReason: 'write-error' })
    const refused = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant })
    expect(!refused.ok && refused.error.code).toBe('JOURNAL')
    fault.heal()
    expect(await health(core)).toMatchObject({ ok: true, journal: 'ok' })
    // the probe leaves nothing behind
    expect((core.services.journal.db.prepare(`SELECT count(*) n FROM journal_probe`).get() as { n: number }).n).toBe(0)
  })

  it('a sale refused at the write before the pay request: no order, nothing sent', async () => {
    core = await startTestCore()
    const fault = injectWriteFailure(core.services.journal.db)
    const r = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant })
    expect(!r.ok && r.error.code).toBe('JOURNAL')
    expect(core.services.sandbox?.state.orders.size).toBe(0)
    fault.heal()
    // Nobody has to ask: the guard's own probes clear the flag, and the next sale goes through.
    await core.services.engine.ctx.deps.writes.settled()
    const next = await core.dispatch('payment:payByCode', { amountFen: 100, authCode: CODES.instant })
    expect(next.ok).toBe(true)
  })
})
