// electron-log behind the core's Logger interface, with a last line of defence
// for the house rule "no secrets or full payment codes in logs": fields named
// like a key/PIN/signature are replaced, and any run of 16–24 digits (the length
// of every payment code we accept) is masked to first 4 / last 4.
// No Electron import, so it is unit-tested with plain files.
import { existsSync, renameSync, rmSync } from 'node:fs'
import { maskCode } from '../gateway/paytype'
import type { Logger } from '../kernel/logger'

/** The part of electron-log (or any similar logger) the adapter needs. */
export interface LogSink {
  info(...params: unknown[]): void
  warn(...params: unknown[]): void
  error(...params: unknown[]): void
}

const SECRET_FIELD = /(key|secret|pin|pinhash|password|token|sign|signature|authcode|auth_code|cipher)$/i
const CODE_RUN = /\b\d{16,24}\b/g

export function redactText(text: string): string {
  return text.replace(CODE_RUN, (run) => maskCode(run))
}

export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value)
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e15) return redactText(String(value))
  if (value === null || typeof value !== 'object') return value
  if (depth >= 4) return '[…]'
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactFields(v, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELD.test(k) ? '[redacted]' : redactFields(v, depth + 1)
  return out
}

export function adaptLogger(sink: LogSink): Logger {
  const write = (level: keyof LogSink) => (message: string, fields?: Record<string, unknown>) => {
    if (fields && Object.keys(fields).length > 0) sink[level](redactText(message), redactFields(fields))
    else sink[level](redactText(message))
  }
  return { info: write('info'), warn: write('warn'), error: write('error') }
}

/**
 * Rotation: main.log → main.1.log → … → main.<keep>.log, the oldest dropped.
 * electron-log calls this when the file passes maxSize and then starts afresh.
 */
export function rotateLogFile(path: string, keep: number): void {
  const numbered = (n: number) => path.replace(/(\.log)?$/, `.${n}.log`)
  rmSync(numbered(keep), { force: true })
  for (let n = keep - 1; n >= 1; n--) {
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1))
  }
  if (existsSync(path)) renameSync(path, numbered(1))
}
