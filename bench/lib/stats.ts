// Small numeric helpers for the benchmark and the reliability report: order
// statistics, a seeded RNG (so runs are repeatable), machine info, tables.
import { cpus, loadavg, totalmem } from 'node:os'

export interface Summary {
  n: number
  median: number
  p99: number
  min: number
  max: number
  mean: number
}

/** Nearest-rank percentile (p in 0..100) of an unsorted list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] as number
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length
  return {
    n,
    median: percentile(values, 50),
    p99: percentile(values, 99),
    min: n ? Math.min(...values) : Number.NaN,
    max: n ? Math.max(...values) : Number.NaN,
    mean: n ? values.reduce((t, v) => t + v, 0) / n : Number.NaN,
  }
}

/** mulberry32: a tiny deterministic PRNG; the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T
}

/** The machine, and how busy it was (load average over 1 minute: other work on the same cores skews the tails). */
export function machineInfo(): { cpuModel: string; cores: number; memoryGb: number; node: string; platform: string; loadAvg1m: number } {
  const list = cpus()
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAvg1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  }
}

/** Fixed-width text table (the terminal output of bench and reliability). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const line = (cells: readonly string[]) => cells.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c)))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

// CJK characters take two columns in a terminal.
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

export const fmtMs = (ms: number, digits = 2): string => (Number.isFinite(ms) ? `${ms.toFixed(digits)} ms` : '—')
export const fmtMb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`
