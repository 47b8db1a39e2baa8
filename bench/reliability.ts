// `npm run reliability` (`-- --short` for CI): fault matrix, crash matrix, bad
// input, soak and security, each checked for agreement between the journal and
// the money at the sandbox (security: every attack refused). Prints the
// matrices; exits 1 when anything fails. `-- --only <fault|crash|journal|bad|soak|security|store>`
// runs one section (security includes the IPC fuzz of bad input).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FAULTS } from '../electron/gateway/sandbox/types'
import { formatTable, machineInfo } from './lib/stats'
import { runBadInput } from './reliability/bad-input'
import { runCrashMatrix } from './reliability/crash-matrix'
import { JOURNAL_FAULT_STEPS, JOURNAL_FAULTS, runJournalWriteFaults } from './reliability/journal-write-faults'
import { MATRIX_CALLS, runFaultMatrix } from './reliability/fault-matrix'
import { runJournalFaults } from './reliability/journal-faults'
import { runSecurity, type AttackResult } from './reliability/security'
import { runSoak } from './reliability/soak'
import { runStoreFaults, type StoreFaultResult } from './reliability/store-faults'
import { runStoreRefundRace, type StoreRefundRaceResult } from './reliability/store-refund-race'

const short = process.argv.includes('--short')
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined
const wants = (section: string) => only === undefined || only === section
const log = (s: string) => process.stderr.write(`${s}\n`)
const started = performance.now()
const failures: string[] = []
const machine = machineInfo()

// Scales: shrunken time, but not so far that a loaded machine's scheduling decides a scenario.
const FAULT_SCALE = 0.03
const CRASH_SCALE = 0.03
const SOAK_SCALE = 0.01
const SOAK = short ? { payments: 1_000, counters: 16 } : { payments: 10_000, counters: 16 }
const BAD = short ? { scanner: 2_000, ipcPerCall: 2 } : { scanner: 10_000, ipcPerCall: 10 }

if (wants('fault')) log(`fault matrix: ${MATRIX_CALLS.length} calls × ${FAULTS.length} faults`)
const cells = wants('fault') ? await runFaultMatrix(FAULT_SCALE, log) : []
const short3 = (s: string) => ({ paid: 'paid', cancelled: 'canc', closed: 'clos', failed: 'fail', review: 'rev', absent: '—', refund: 'rfnd' })[s] ?? s
const matrix = formatTable(
  ['call \\ fault', ...FAULTS],
  MATRIX_CALLS.map((call) => [call, ...FAULTS.map((f) => {
    const c = cells.find((x) => x.call === call && x.fault === f)
    return c ? `${c.ok ? 'ok' : 'FAIL'} ${short3(c.journal)}/${short3(c.gateway)}` : '?'
  })]),
)
for (const c of cells) if (!c.ok) failures.push(`fault ${c.call} × ${c.fault}: ${c.why}`)

if (wants('crash')) log('crash matrix: SIGKILL at every step, restart, recover')
const crashes = wants('crash') ? await runCrashMatrix(CRASH_SCALE, 2, log) : []
for (const c of crashes) if (!c.ok) failures.push(`crash ${c.name}: ${c.why}`)

if (wants('journal')) log('journal file faults: damage the journal, start, restore / start new')
const fileCells = wants('journal') ? await runJournalFaults(FAULT_SCALE, log) : []
for (const c of fileCells) if (!c.ok) failures.push(`journal file ${c.fault} → ${c.way}: ${c.why}`)

if (wants('journal')) log('journal faults: full disk / write errors at each step of a payment, a refund, a shift close')
const journalCells = wants('journal') ? await runJournalWriteFaults(log) : []
for (const c of journalCells) if (!c.ok) failures.push(`journal ${c.step} × ${c.fault}: ${c.why}`)

log('bad input: scanner fuzz, IPC payloads, settings values')
const bad = await runBadInput(wants('bad') ? BAD : { scanner: 0, ipcPerCall: BAD.ipcPerCall })
for (const c of bad.crashes) failures.push(`crash on bad input: ${c}`)
for (const l of bad.leaks) failures.push(`bad input got through: ${l}`)

if (wants('soak')) log(`soak: ${SOAK.payments.toLocaleString()} sales on ${SOAK.counters} counters`)
const soak = wants('soak') ? await runSoak(SOAK.payments, SOAK.counters, SOAK_SCALE, undefined, log) : null
const attacks: AttackResult[] = wants('security') ? await runSecurity(log) : []
if (wants('store')) log('store database: counters sell and refund while the way to PostgreSQL is refused, dropped mid-batch, stalled')
const store: StoreFaultResult | null = wants('store') ? await runStoreFaults(log, short ? 4 : 16, short ? 4 : 8) : null
if (store && !store.ok) failures.push(`store faults: ${store.why}`)
if (wants('store')) log('store refunds: counters race to refund one order (together more than paid) while the way to PostgreSQL drops and stalls')
const race: StoreRefundRaceResult | null = wants('store') ? await runStoreRefundRace(log, short ? 3 : 4, short ? 6 : 16) : null
if (race && !race.ok) failures.push(`store refund race: ${race.why}`)
for (const a of attacks) if (!a.held) failures.push(`security: ${a.attack}: ${a.refused}/${a.tried} refused (${a.detail})`)
if (soak) for (const l of [...soak.lost.map((x) => `lost: ${x}`), ...soak.doubleCharged.map((x) => `double charge: ${x}`), ...soak.nonFinal.map((x) => `non-final: ${x}`), ...soak.disagreements.map((x) => `disagreement: ${x}`)]) failures.push(`soak ${l}`)

const totalS = (performance.now() - started) / 1000
console.log(`\nCounter reliability report${short ? ' (--short)' : ''} — ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; ${totalS.toFixed(0)} s\n`)
if (cells.length > 0) {
  console.log(`Fault matrix (cell: result, journal state / money at the sandbox; scale ${FAULT_SCALE}): ${cells.filter((c) => c.ok).length}/${cells.length} agree\n`)
  console.log(matrix)
}
if (crashes.length > 0) {
  console.log(`\nCrash matrix (SIGKILL, restart, recovery; scale ${CRASH_SCALE}): ${crashes.filter((c) => c.ok).length}/${crashes.length} agree\n`)
  console.log(formatTable(['case', 'result', 'journal/gateway'], crashes.map((c) => [c.name, c.ok ? 'ok' : `FAIL: ${c.why}`, c.states])))
}
if (fileCells.length > 0) {
  console.log(`\nJournal file faults (start on the damaged journal; no sale while the books are unknown; the way out; paid orders found again): ${fileCells.filter((c) => c.ok).length}/${fileCells.length} ok\n`)
  console.log(
    formatTable(
      ['fault', 'way out', 'result', 'found', 'refused / pay requests', 'paid found again', 'extra charges'],
      fileCells.map((c) => [c.fault, c.way, c.ok ? 'ok' : `FAIL: ${c.why}`, c.found, `${c.refused} / ${c.payRequestsWhileUnknown}`, c.foundAgain, String(c.doubleCharges)]),
    ),
  )
}
const ran = journalCells.filter((c) => c.ran)
if (journalCells.length > 0) {
  console.log(`\nJournal faults (the journal stops taking writes: a filled 4 MiB tmpfs → SQLITE_FULL, or SQLite refusing every write): ${ran.filter((c) => c.ok).length}/${ran.length} cells end with no sale while failing, no double charge, no paid order lost after reconciliation, the problem shown${ran.length < journalCells.length ? `; ${journalCells.length - ran.length} cells not run (no tmpfs without root)` : ''}\n`)
  console.log(
    formatTable(
      ['step \\ fault', ...JOURNAL_FAULTS],
      JOURNAL_FAULT_STEPS.map((step) => [
        step,
        ...JOURNAL_FAULTS.map((f) => {
          const c = journalCells.find((x) => x.step === step && x.fault === f)
          return !c ? '?' : !c.ran ? 'n/a' : `${c.ok ? 'ok' : 'FAIL'} ${c.orders} ord, ${c.kept} kept`
        }),
      ]),
    ),
  )
}
console.log(
  `\nBad input: ${bad.scannerInputs.toLocaleString()} fuzzed scanner inputs (each through the serial and the HID keyboard decoder), ` +
    `${bad.ipcPayloads.toLocaleString()} IPC payloads, ${bad.settingsValues} settings values; ` +
    `${bad.crashes.length} crashes; pay requests at the sandbox ${bad.payRequests} = valid control codes ${bad.validControls}; ${bad.leaks.length} invalid inputs got through`,
)
if (soak) {
  console.log(
    `\nSoak: ${soak.sales.toLocaleString()} sales → ${soak.orders.toLocaleString()} orders on ${SOAK.counters} counters in ${soak.wallS.toFixed(0)} s ` +
      `(${soak.faultsQueued} random wire faults, ${soak.stops} Stops; final states ${JSON.stringify(soak.byState)}): ` +
      `${soak.lost.length} lost, ${soak.doubleCharged.length} double charges, ${soak.nonFinal.length} non-final, ${soak.disagreements.length} disagreements`,
  )
}
if (attacks.length > 0) {
  const tried = attacks.reduce((n, a) => n + a.tried, 0)
  const refused = attacks.reduce((n, a) => n + a.refused, 0)
  console.log(`\nSecurity: ${attacks.filter((a) => a.held).length}/${attacks.length} attacks held, ${refused}/${tried} tries refused; plus the IPC fuzz above (${bad.ipcPayloads.toLocaleString()} payloads, ${bad.leaks.length} through)\n`)
  console.log(formatTable(['attack', 'tried', 'refused', 'result', 'detail'], attacks.map((a) => [a.attack, String(a.tried), String(a.refused), a.held ? 'held' : 'FAIL', a.detail])))
}
if (store) {
  console.log(
    `\nStore database faults (${store.counters} counters; phases ${store.phases.map((p) => `${p.mode}: ${p.sales} sales, ${p.refused} refused${p.mode === 'pass' ? '' : `, ${p.countersFailing} counters saw it`}`).join(' → ')}): ` +
      `store ${store.storeOrders} orders / ${store.storeRefunds} refunds / ${store.storeCash} cash movements / ${store.storeOperatorAudit} operator audit = journals ${store.journalOrders} / ${store.journalRefunds} / ${store.journalCash} / ${store.journalOperatorAudit}; ${store.mismatches.length} mismatches — ${store.ok ? 'ok' : `FAIL: ${store.why}`}`,
  )
}
if (race) {
  console.log(
    `\nStore refunds racing (${race.counters - 1} counters refund each of ${race.orders} orders of another counter, proxy passing/dropping/stalling): ` +
      `${race.asked} asked, ${race.written} written after a reservation, ${race.refusedOverCap} refused over the cap, ${race.refusedUnreachable} refused (store away); ` +
      `${race.overRefunded} over-refunded, ${race.gatewayCapRefusals} sent over the cap, ${race.openReservations} reservations left open, ${race.disagreements.length} disagreements — ${race.ok ? 'ok' : `FAIL: ${race.why}`}`,
  )
}
// .tmp/ is gitignored; the figures to keep go into README by hand.
const out = fileURLToPath(new URL(`../.tmp/reliability-results${only ? `-${only}` : ''}${short ? '-short' : ''}.json`, import.meta.url))
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), machine, short, only: only ?? null, durationS: totalS, faultMatrix: cells, crashMatrix: crashes, journalFileFaults: fileCells, journalFaults: journalCells, badInput: bad, soak, security: attacks, store, storeRefundRace: race }, null, 2))
if (failures.length > 0) {
  console.log(`\nFAILED (${failures.length}):`)
  for (const f of failures.slice(0, 50)) console.log(`- ${f}`)
  process.exit(1)
}
console.log('\nall agree')
process.exit(0)
