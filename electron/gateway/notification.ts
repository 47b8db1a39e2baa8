// Checking a pre-order result notification (spec 2.3.3 / 2.3.4). A counter has
// no public address, so it polls orderquery instead of naming a notify_url; but
// any code that does receive a notification must verify its signature and
// compare out_trade_no and total_fee with the local order before believing it.
import { verifyDetailed } from './sign'

export type NotificationCheck =
  | { ok: true; paid: boolean; transactionId: string; outTradeNo: string; totalFee: number }
  | { ok: false; reason: string }

/** The notification is a form-encoded POST body ("通知参数内容为 HASH 的字符串"). */
export function parseNotificationBody(body: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [k, v] of new URLSearchParams(body)) fields[k] = v
  return fields
}

export function checkNotification(fields: Record<string, string>, key: string, order: { outTradeNo: string; amountFen: number }): NotificationCheck {
  const sig = verifyDetailed(fields, key)
  if (sig !== 'ok') return { ok: false, reason: sig === 'missing' ? 'notification has no signature' : 'notification signature does not verify' }
  if (fields.out_trade_no !== order.outTradeNo) return { ok: false, reason: 'out_trade_no does not match the local order' }
  if (!/^\d+$/.test(fields.total_fee ?? '') || Number(fields.total_fee) !== order.amountFen) {
    return { ok: false, reason: 'total_fee does not match the local order' }
  }
  const paid = fields.state === 'SUCCESS' && fields.result_code === 'SUCCESS' && fields.pay_result === '0'
  return { ok: true, paid, transactionId: fields.transaction_id ?? '', outTradeNo: order.outTradeNo, totalFee: order.amountFen }
}
