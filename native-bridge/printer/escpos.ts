// The few ESC/POS commands we send ourselves (the receipt body comes from the
// layout library), and the decoder of DLE EOT status answers. Pure: no I/O.
import { PrinterError, type DrawerPulse, type PrinterStatus } from './types'

const ESC = 0x1b
const GS = 0x1d
const DLE = 0x10

export const INIT = Uint8Array.of(ESC, 0x40)
/** GS V 66 0: feed to the cutter and cut (partial). */
export const PARTIAL_CUT = Uint8Array.of(GS, 0x56, 0x42, 0x00)

/**
 * ESC p m t1 t2 with all five bytes. A widely used library omits t1/t2 and many
 * drawers then do not open, so the pulse times are always sent.
 */
export function drawerKick(pulse: DrawerPulse): Uint8Array {
  const t1 = Math.round(pulse.onMs / 2)
  const t2 = Math.round(pulse.offMs / 2)
  if (t1 < 1 || t1 > 255 || t2 < 1 || t2 > 255) throw new PrinterError('io', `drawer pulse out of range: on ${pulse.onMs} ms, off ${pulse.offMs} ms (2–510 ms)`)
  return Uint8Array.of(ESC, 0x70, pulse.pin === 5 ? 0x01 : 0x00, t1, t2)
}

/** DLE EOT n: 1 printer, 2 offline cause, 4 paper. Each answers one byte. */
export const STATUS_REQUESTS = { printer: Uint8Array.of(DLE, 0x04, 0x01), offline: Uint8Array.of(DLE, 0x04, 0x02), paper: Uint8Array.of(DLE, 0x04, 0x04) } as const

/** A real status byte has bit 1 set, bit 4 set, bit 0 and bit 7 clear (0xx1xx10). */
function isStatusByte(b: number): boolean {
  return (b & 0b1001_0011) === 0b0001_0010
}

/** Merges the answers (a byte, or null for silence) into one status; malformed bytes count as silence. */
export function decodeStatus(answers: { printer: number | null; offline: number | null; paper: number | null }): PrinterStatus {
  const ok = (b: number | null): b is number => b !== null && isStatusByte(b)
  const p = answers.printer
  const o = answers.offline
  const r = answers.paper
  return {
    online: ok(p) ? (p & 0x08) === 0 : 'unknown',
    // ESC/POS reports drawer pin 3 "low" as bit 2 = 0; which level means open depends on the drawer,
    // so we report the common wiring (high = open).
    drawerOpen: ok(p) ? (p & 0x04) !== 0 : 'unknown',
    coverOpen: ok(o) ? (o & 0x04) !== 0 : 'unknown',
    paperOut: ok(r) ? (r & 0x60) === 0x60 : ok(o) ? (o & 0x20) !== 0 : 'unknown',
    paperNearEnd: ok(r) ? (r & 0x0c) === 0x0c : 'unknown',
  }
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
