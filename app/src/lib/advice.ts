// What the cashier should do after a sale that did not take money: advice that
// matches the failure (an expired code is not insufficient funds is not a
// gateway that cannot be reached). Pure: the order in, an i18n key out. It reads
// the message codes, and the gateway's own words (`text`) for the wallet's reason.
import type { Message, OrderView } from '../../../electron/shared/contract'

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

/** The words that came from outside (the gateway's msg, a transport error) in a message, '' when none. */
function outsideWords(m: Message | null | undefined): string {
  const text = m?.params?.['text']
  return typeof text === 'string' ? text : ''
}

export function adviceFor(order: OrderView): Advice {
  if (order.state === 'paid') return 'paid'
  if (order.state === 'review') {
    // The cancel window passed while the gateway gave no answer: it is the gateway that must be reached first.
    const noAnswer = order.attention?.code === 'ATTENTION_CANCEL_WINDOW_PASSED' && order.attention.params?.['outcome'] === 'unknown'
    const words = `${outsideWords(order.attention)} ${outsideWords(order.step)}`
    return noAnswer || UNREACHABLE.test(words) || /结果未知/.test(words) ? 'unreachable' : 'review'
  }
  const code = order.failure?.code ?? ''
  const text = `${outsideWords(order.failure?.message)} ${outsideWords(order.step)}`
  if (order.step.code === 'FACE_SWITCHED_TO_CODE') return 'switchedToCode'
  if (order.step.code === 'FACE_CANCELLED') return 'customerCancelled'
  if (code.startsWith('FACE_')) return 'faceDevice'
  if (code === 'NOT_RECEIVED' || code === 'NOT_SUBMITTED') return 'notReceived'
  if (INSUFFICIENT.test(text)) return 'insufficient'
  if (EXPIRED.test(text)) return 'expiredCode'
  if (code === '30001' || code === '20006' || UNREACHABLE.test(text)) return 'unreachable'
  if (order.state === 'cancelled' || order.state === 'closed') return 'notPaid'
  if (/^2\d{4}$/.test(code) || code === 'INVALID_REQUEST') return 'refused'
  return 'generic'
}
