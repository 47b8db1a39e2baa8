// Order and refund numbers: readable, unique per terminal, never reused.
// out_trade_no = <device>_<yyMMddHHmmss><seq6>, at most 32 of [A-Za-z0-9_].

function stamp(ms: number): string {
  // Beijing time, so the number reads like the receipt.
  const d = new Date(ms + 8 * 3600_000)
  const p = (n: number) => n.toString().padStart(2, '0')
  return `${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`
}

export function devicePrefix(deviceId: string): string {
  const clean = deviceId.replace(/[^A-Za-z0-9]/g, '').slice(-10)
  return clean.length > 0 ? clean : 'POS'
}

export function newOutTradeNo(deviceId: string, nowMs: number, seq: number): string {
  return `${devicePrefix(deviceId)}_${stamp(nowMs)}${(seq % 1_000_000).toString().padStart(6, '0')}`
}

/** R<seq>_<out_trade_no tail>: distinct per partial refund, stable across retries. */
export function newOutRefundNo(outTradeNo: string, seq: number): string {
  const head = `R${(seq % 1_000_000).toString().padStart(6, '0')}_`
  return head + outTradeNo.slice(-(32 - head.length))
}
