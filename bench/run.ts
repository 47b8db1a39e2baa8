// `npm run bench`: every figure of issue 7's table, printed and written to
// bench/results.json with the machine they came from. See bench/README.md.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DEFAULT_POLICY, fixedIntervalPolicy } from '../electron/payments/policy'
import { confirmMoments, realTimeDetection, simulateDetection, type DetectionSample } from './detection'
import { fmtMb, fmtMs, formatTable, machineInfo, summarize } from './lib/stats'
import { backupLatency } from './backup-latency'
import { benchReports } from './reports'
import { hidScanLatency, serialScanLatency, type ScanSample } from './scan-latency'
import { coreReadyTimes, firstPaintTimes } from './startup'
import { benchReplication } from './replication'
import { runLoad } from './throughput'
import { receiptLatency } from './receipt-latency'

interface Row {
  metric: string
  method: string
  n: number
  median: string
  p99: string
  target: string
  pass: boolean | null
  detail?: unknown
}

const rows: Row[] = []
const log = (s: string) => process.stderr.write(`${s}\n`)
const started = performance.now()
const machineAtStart = machineInfo()

function add(row: Row): void {
  rows.push(row)
  log(`  ${row.pass === null ? 'info' : row.pass ? 'PASS' : 'FAIL'}  ${row.metric}: median ${row.median}, p99 ${row.p99} (n=${row.n})`)
}

// 1. Scan to request ----------------------------------------------------------
log('1/6 scan-to-request latency (kernel pty, socat pty, HID keyboard decoder)')
const scanRow = (name: string, method: string, samples: ScanSample[]) => {
  const total = summarize(samples.map((s) => s.totalMs))
  const part = (k: keyof ScanSample) => summarize(samples.map((s) => s[k]))
  add({
    metric: name,
    method,
    n: total.n,
    median: fmtMs(total.median),
    p99: fmtMs(total.p99),
    target: 'p99 < 5 ms',
    pass: total.p99 < 5,
    detail: { total, decode: part('decodeMs'), dispatchAndJournal: part('journalMs'), signAndSend: part('sendMs') },
  })
}
scanRow('scan→request, serial', 'CR written into a kernel pty pair (posix_openpt; the adapter opens the slave like a serial port) → serialport → decoder → validator → payByCode (zod, 1 fsynced commit) → pay at sandbox', await serialScanLatency(300, 'pty'))
scanRow('scan→request, serial via socat', 'the same, with every byte relayed by a socat process first (the test rig for unplug/replug): the relay hop is not on a real counter', await serialScanLatency(300, 'socat'))
scanRow('scan→request, HID keyboard', 'Enter report → keyboard decoder → validator → payByCode (zod, 1 fsynced commit) → pay at sandbox', await hidScanLatency(300))

// 2. Result detection ---------------------------------------------------------
log('2/6 result detection (simulated time; then real time)')
const moments = confirmMoments(300)
const detectionRow = (name: string, method: string, samples: DetectionSample[], target: boolean | null, extra: Record<string, unknown> = {}) => {
  const delay = summarize(samples.map((s) => s.delayMs))
  const queries = summarize(samples.map((s) => s.queries))
  add({
    metric: name,
    method,
    n: delay.n,
    median: `${fmtMs(delay.median, 0)}, ${queries.median} q`,
    p99: `${fmtMs(delay.p99, 0)}, ${queries.p99} q (max ${queries.max})`,
    target: target === null ? 'baseline' : 'median ≤ 1 s, p99 ≤ 2 s, ≤ 20 q',
    pass: target === null ? null : delay.median <= 1_000 && delay.p99 <= 2_000 && queries.max <= 20 && samples.every((s) => s.state === 'paid'),
    detail: { delay, queries, notPaid: samples.filter((s) => s.state !== 'paid').length, ...extra },
  })
}
const simulated = await simulateDetection(DEFAULT_POLICY, moments)
detectionRow('detection delay (DEFAULT_POLICY)', 'simulated time: real engine + real sandbox on loopback, confirmations uniform 3–40 s', simulated, true)
const baseline = await simulateDetection(fixedIntervalPolicy(5_000), moments)
detectionRow('detection delay, wallets\' 5 s practice', 'same simulation, same confirmations, fixedIntervalPolicy(5000)', baseline, null)
const REAL_FACTOR = 0.1
const REAL_N = 10
const real = await realTimeDetection(moments.slice(0, REAL_N), REAL_FACTOR)
const sameQueries = real.filter((r, i) => r.queries === simulated[i]?.queries).length
const gaps = real.map((r, i) => r.delayMs - (simulated[i]?.delayMs ?? Number.NaN))
detectionRow(`detection delay, real time ×${REAL_FACTOR}`, `real clock, scaledPolicy(${REAL_FACTOR}), first ${REAL_N} confirmations scaled; delays ÷${REAL_FACTOR}`, real, true, {
  sameQueryCountAsSimulation: `${sameQueries}/${REAL_N}`,
  realMinusSimulatedDelayMs: summarize(gaps),
  perOrder: real.map((r, i) => ({ confirmAtMs: r.confirmAtMs, realDelayMs: Math.round(r.delayMs), simulatedDelayMs: simulated[i]?.delayMs, realQueries: r.queries, simulatedQueries: simulated[i]?.queries })),
})

// 3 + 5. Throughput and memory --------------------------------------------------
log('3/6 throughput and 5/6 memory (cores in a child process, sandbox here)')
const sequential = await runLoad({ counters: 1, payments: 10_000, warmup: 200, measureMemory: true })
const seqLat = summarize(sequential.latenciesMs)
add({
  metric: 'throughput, 1 counter',
  method: 'instant-success payments back to back (payByCode → paid), journal on disk',
  n: sequential.payments,
  median: `${(sequential.payments / (sequential.wallMs / 1000)).toFixed(0)} pay/s`,
  p99: `${fmtMs(seqLat.p99)} / payment`,
  target: 'report',
  pass: sequential.failures === 0 ? null : false,
  detail: { wallMs: sequential.wallMs, latency: seqLat, failures: sequential.failures },
})
const eight = await runLoad({ counters: 8, payments: 500, warmup: 20, measureMemory: false })
const eightLat = summarize(eight.latenciesMs)
add({
  metric: 'throughput, 8 counters',
  method: '8 cores (own journal, own terminal id) in one process, one sandbox',
  n: eight.payments,
  median: `${(eight.payments / (eight.wallMs / 1000)).toFixed(0)} pay/s`,
  p99: `${fmtMs(eightLat.p99)} / payment`,
  target: 'report',
  pass: eight.failures === 0 ? null : false,
  detail: { wallMs: eight.wallMs, latency: eightLat, failures: eight.failures },
})
const mem = sequential.memory
if (mem) {
  const growth = mem.rssAfter - mem.rssBefore
  add({
    metric: 'memory over 10,000 payments',
    method: `RSS/heap after 200 warm-up payments vs after 10,000 more${mem.gcForced ? ' (gc() forced before each reading)' : ''}`,
    n: sequential.payments,
    median: `RSS ${fmtMb(mem.rssBefore)} → ${fmtMb(mem.rssAfter)}`,
    p99: `heap ${fmtMb(mem.heapBefore)} → ${fmtMb(mem.heapAfter)}`,
    target: 'growth < 20 MB',
    pass: growth < 20 * 2 ** 20 && mem.heapAfter - mem.heapBefore < 20 * 2 ** 20,
    detail: { ...mem, rssGrowthMb: growth / 2 ** 20, heapGrowthMb: (mem.heapAfter - mem.heapBefore) / 2 ** 20 },
  })
}

// 4. Reports on a million orders -------------------------------------------------
log('4/6 Z report and order search on 1,000,000 orders (generated once into .tmp/)')
const reports = benchReports(20, log)
add({ metric: reports.zReport.name, method: 'computeReport on the open shift of a 1M-order journal', n: reports.zReport.summary.n, median: fmtMs(reports.zReport.summary.median), p99: fmtMs(reports.zReport.summary.p99), target: '< 100 ms', pass: reports.zReport.summary.p99 < 100, detail: reports.zReport })
for (const s of reports.searches) {
  add({ metric: `search: ${s.name}`, method: `searchOrders page of 50 + total (${s.total?.toLocaleString()}${s.totalCapped ? '+' : ''} matches)`, n: s.summary.n, median: fmtMs(s.summary.median), p99: fmtMs(s.summary.p99), target: '< 50 ms', pass: s.summary.p99 < 50, detail: s })
}

// 4b. A sale during a backup of the million-order journal -------------------------
log('4b backup of the 1,000,000-order journal while sales run (HID scan path)')
const backup = await backupLatency(200, log)
const during = summarize(backup.duringMs)
const idleSales = summarize(backup.idleMs)
add({
  metric: 'scan→request during a backup, 1M orders',
  method: `HID scan → pay request, back to back while journal:backupNow copies ${fmtMb(backup.backups[0]?.bytes ?? 0)} (online backup API, 64 pages a turn) and verifies it; without a backup: median ${fmtMs(idleSales.median)}, p99 ${fmtMs(idleSales.p99)}`,
  n: during.n,
  median: fmtMs(during.median),
  p99: fmtMs(during.p99),
  target: 'p99 < 10 ms',
  pass: during.p99 < 10,
  detail: { during, idle: idleSales, p99Ratio: during.p99 / idleSales.p99, backups: backup.backups },
})

// 7. Store database (PostgreSQL) ------------------------------------------------------
const STORE_ORDERS = Number(process.env.COUNTER_BENCH_STORE_ORDERS ?? 10_000_000)
log(`7 store database: 16 counters replicating to PostgreSQL; 10,000-change backlog; store report over ${STORE_ORDERS.toLocaleString()} orders (generated once)`)
const repl = await benchReplication({ counters: 16, perCounter: 60, reportOrders: STORE_ORDERS }, log)
add({
  metric: 'replication lag, 16 counters',
  method: `16 cores (own journals) selling back to back into one PostgreSQL; lag = age of each counter's oldest unshipped change, sampled every 50 ms; store equals the journals: ${repl.storeRowsEqual}`,
  n: repl.lag.n,
  median: fmtMs(repl.lag.median, 0),
  p99: fmtMs(repl.lag.p99, 0),
  target: 'p99 < 1 s',
  pass: repl.lag.p99 < 1_000 && repl.storeRowsEqual,
  detail: repl,
})
add({
  metric: 'sale time with / without replication',
  method: `the same ${repl.sales} sales (payByCode → paid in the journal) on 16 counters, without a store, then replicating; without: median ${fmtMs(repl.saleWithout.median)}, p99 ${fmtMs(repl.saleWithout.p99)}`,
  n: repl.saleWith.n,
  median: fmtMs(repl.saleWith.median),
  p99: fmtMs(repl.saleWith.p99),
  target: 'report (ratio)',
  pass: null,
  detail: { with: repl.saleWith, without: repl.saleWithout, p99Ratio: repl.saleWith.p99 / repl.saleWithout.p99 },
})
add({ metric: 'backlog drain', method: `${repl.drain.backlog.toLocaleString()} outbox changes waiting (store was unreachable), then shipped in batches of 500`, n: repl.drain.backlog, median: `${repl.drain.seconds.toFixed(2)} s`, p99: '—', target: '< 10 s', pass: repl.drain.seconds < 10, detail: repl.drain })
add({ metric: `store day report, ${STORE_ORDERS.toLocaleString()} orders`, method: 'storeReport (per counter, cashier, wallet; one snapshot) for one day of a generated year over 16 counters, in PostgreSQL', n: repl.report.times.n, median: fmtMs(repl.report.times.median), p99: fmtMs(repl.report.times.p99), target: '< 200 ms', pass: repl.report.times.p99 < 200, detail: repl.report })

// 8. Receipts ----------------------------------------------------------------------
log('8 paid → first receipt byte at a network printer on loopback (auto-print; cash and wallet sales)')
const receipts = await receiptLatency(300)
for (const kind of ['cash', 'wallet'] as const) {
  const first = summarize(receipts.filter((r) => r.kind === kind).map((r) => r.firstByteMs))
  const receipt = summarize(receipts.filter((r) => r.kind === kind).map((r) => r.receiptMs))
  add({
    metric: `paid→first receipt byte, ${kind}`,
    method: kind === 'cash' ? 'cash:sale answered → drawer kick (first job) and receipt bytes at a TCP printer on loopback' : 'paid update emitted → receipt bytes at a TCP printer on loopback',
    n: first.n,
    median: fmtMs(first.median),
    p99: fmtMs(first.p99),
    target: 'p99 < 100 ms',
    pass: first.p99 < 100 && receipt.p99 < 100,
    detail: { first, receipt },
  })
}

// 6. Start-up ---------------------------------------------------------------------
log('6/6 start-up (core + harness; first paint in Chromium)')
const ready = summarize(await coreReadyTimes(10))
add({ metric: 'core ready', method: 'createCore (journal open+migrate, recovery) + harness listening, in-process', n: ready.n, median: fmtMs(ready.median), p99: fmtMs(ready.p99), target: '< 1 s', pass: ready.max < 1_000, detail: ready })
const paints = await firstPaintTimes(5)
const fcp = summarize(paints.map((p) => p.firstContentfulPaintMs))
const rendered = summarize(paints.map((p) => p.appRenderedMs))
add({ metric: 'first UI paint', method: 'Chromium → harness, fresh context: first-contentful-paint (app rendered into #root)', n: fcp.n, median: `${fmtMs(fcp.median, 0)} (${fmtMs(rendered.median, 0)})`, p99: `${fmtMs(fcp.p99, 0)} (${fmtMs(rendered.p99, 0)})`, target: '< 1 s', pass: fcp.max < 1_000, detail: { fcp, rendered } })

// Output ------------------------------------------------------------------------------
const machine = { ...machineAtStart, loadAvg1mAtEnd: machineInfo().loadAvg1m }
const totalS = (performance.now() - started) / 1000
console.log(`\nCounter benchmark — ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAvg1m} → ${machine.loadAvg1mAtEnd}; ${totalS.toFixed(0)} s\n`)
console.log(formatTable(['metric', 'n', 'median', 'p99', 'target', 'result'], rows.map((r) => [r.metric, String(r.n), r.median, r.p99, r.target, r.pass === null ? 'info' : r.pass ? 'pass' : 'FAIL'])))
if (mem) console.log(`\nMemory after n payments (gc forced): ${mem.curve.map((p) => `${p.payments}: RSS ${fmtMb(p.rss)}, heap ${fmtMb(p.heapUsed)}`).join('; ')}`)
console.log('\nMethods:')
for (const r of rows) console.log(`- ${r.metric}: ${r.method}`)
const out = fileURLToPath(new URL('./results.json', import.meta.url))
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), machine, durationS: totalS, rows }, null, 2))
console.log(`\nwritten: ${out}`)
