// Order and refund numbers: readable, unique per terminal, never reused.
// out_trade_no = <device>_<yyMMddHHmmss><seq4><rand2>: at most 12 + 1 + 12 + 6 = 31
// of [A-Za-z0-9_]. The journal's counter makes numbers unique on this terminal;
// the two random characters keep a reinstalled terminal (fresh journal, same
// device id, same second) from ever colliding with an old number.
import { randomInt } from 'node:crypto'

function stamp(ms: number): string {
  // Beijing time, so the number reads like the receipt.
  const d = new Date(ms + 8 * 3600_000)
  const p = (n: number) => n.toString().padStart(2, '0')
  return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`
}

export function devicePrefix(deviceId: string): string {
  const clean = deviceId.replace(/[^A-Za-z0-9]/g, '').slice(-12)
  return clean.length > 0 ? clean : 'POS'
}

const ALPHANUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function newOutTradeNo(deviceId: string, nowMs: number, seq: number): string {
  const rand = ALPHANUM[randomInt(ALPHANUM.length)]! + ALPHANUM[randomInt(ALPHANUM.length)]!
  return `${devicePrefix(deviceId)}_${stamp(nowMs)}${(seq % 10_000).toString().padStart(4, '0')}${rand}`
}

/** R<seq>_<out_trade_no tail>: distinct per partial refund, stable across retries. */
export function newOutRefundNo(outTradeNo: string, seq: number): string {
  const head = `R${(seq % 1_000_000).toString().padStart(6, '0')}_`
  return head + outTradeNo.slice(-(32 - head.length))
}

/**
 * A refund of another counter's order (payments/store-refunds.ts): R<seq><this device>_<order tail>.
 * That counter numbers its own refunds of the order R<seq>_… from its own sequence; naming the
 * refunding device keeps two counters' numbers apart (the gateway treats one number as one refund).
 */
export function newStoreRefundNo(outTradeNo: string, seq: number, deviceId: string): string {
  const head = `R${(seq % 1_000_000).toString().padStart(6, '0')}${devicePrefix(deviceId)}_`
  return head + outTradeNo.slice(-(32 - head.length))
}
