import { runLoad } from './throughput'
const r = await runLoad({ counters: 1, payments: 10_000, warmup: 200, measureMemory: true })
const mb = (b: number) => (b / 2 ** 20).toFixed(1)
const m = r.memory!
console.log('pay/s', (r.payments / (r.wallMs / 1000)).toFixed(0), 'failures', r.failures)
console.log('RSS', mb(m.rssBefore), '→', mb(m.rssAfter), 'growth', mb(m.rssAfter - m.rssBefore), 'heap', mb(m.heapBefore), '→', mb(m.heapAfter))
for (const p of m.curve) console.log(p.payments, 'rss', mb(p.rss), 'heap', mb(p.heapUsed), 'ext', mb(p.external))
