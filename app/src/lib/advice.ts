// What the cashier should do after a sale that did not take money: advice that
// matches the failure (an expired code is not insufficient funds is not a
// gateway that cannot be reached). Pure: the order in, an i18n key out.
import type { OrderView } from '../../../electron/shared/contract'

export type Advice =
  | 'insufficient'
  | 'expiredCode'
  | 'switchedToCode'
  | 'customerCancelled'
  | 'notPaid'
  | 'notReceived'
  | 'unreachable'
  | 'refused'
  | 'faceDevice'
  | 'review'
  | 'paid'
  | 'generic'

const INSUFFICIENT = /余额不足|额度不足|超出.*限额|NOTENOUGH|BALANCE|INSUFFICIENT/i
const EXPIRED = /过期|失效|无效|已使用|重新(生成|刷新)|AUTHCODEEXPIRE|AUTH_?CODE_?INVALID|EXPIRE/i
const UNREACHABLE = /网络|超时|无法连接|timed out|connection|unreachable|HTTP 5\d\d/i

export function adviceFor(order: OrderView): Advice {
  if (order.state === 'paid') return 'paid'
  if (order.state === 'review') return UNREACHABLE.test(`${order.attention ?? ''} ${order.step}`) || /结果未知/.test(order.attention ?? '') ? 'unreachable' : 'review'
  const code = order.failure?.code ?? ''
  const text = `${order.failure?.message ?? ''} ${order.step}`
  if (order.step.includes('改用付款码')) return 'switchedToCode'
  if (order.step.includes('取消了刷脸')) return 'customerCancelled'
  if (code.startsWith('FACE_')) return 'faceDevice'
  if (code === 'NOT_RECEIVED' || code === 'NOT_SUBMITTED') return 'notReceived'
  if (INSUFFICIENT.test(text)) return 'insufficient'
  if (EXPIRED.test(text)) return 'expiredCode'
  if (code === '30001' || code === '20006' || UNREACHABLE.test(text)) return 'unreachable'
  if (order.state === 'cancelled' || order.state === 'closed') return 'notPaid'
  if (/^2\d{4}$/.test(code) || code === 'INVALID_REQUEST') return 'refused'
  return 'generic'
}
