import { describe, expect, it } from 'vitest'
import { msg, type OrderView } from '../../../electron/shared/contract'
import { adviceFor } from './advice'

const base: OrderView = {
  outTradeNo: 'POS1',
  method: 'code',
  paytype: 'WECHAT',
  amountFen: 1250,
  body: '水果',
  state: 'failed',
  step: msg('PAID'),
  awaitingCustomer: false,
  deadlineAt: null,
  authCodeMasked: null,
  transactionId: null,
  codeUrl: null,
  failure: null,
  refundedFen: 0,
  attention: null,
  cashier: '王芳',
  shiftId: null,
  createdAt: 0,
  updatedAt: 0,
  paidAt: null,
}
const o = (over: Partial<OrderView>): OrderView => ({ ...base, ...over })

describe('advice after a sale that took no money', () => {
  it('tells insufficient funds, an expired code and an unreachable gateway apart', () => {
    const refused = (code: string, text: string) => ({ code, message: msg('GATEWAY_REFUSED', { code, text }) })
    expect(adviceFor(o({ failure: refused('10006', '余额不足'), step: msg('PAY_FAILED', { code: '10006', text: '余额不足' }) }))).toBe('insufficient')
    expect(adviceFor(o({ failure: refused('20004', '付款码无效或已过期，请刷新后重试') }))).toBe('expiredCode')
    expect(adviceFor(o({ state: 'review', attention: msg('ATTENTION_CANCEL_WINDOW_PASSED', { minutes: 5, outcome: 'unknown' }) }))).toBe('unreachable')
    expect(adviceFor(o({ state: 'review', attention: msg('ATTENTION_CANCEL_WINDOW_PASSED', { minutes: 5, outcome: 'paying' }) }))).toBe('review')
    expect(adviceFor(o({ failure: refused('20006', '系统错误') }))).toBe('unreachable')
    // A sentence from before codes (kept verbatim by migration v5) still reads.
    expect(adviceFor(o({ state: 'review', attention: msg('LEGACY_TEXT', { text: '某种旧说法；网关订单状态：结果未知' }) }))).toBe('unreachable')
  })

  it('face: the customer switched to a payment code, or cancelled', () => {
    expect(adviceFor(o({ method: 'face', state: 'cancelled', step: msg('FACE_SWITCHED_TO_CODE') }))).toBe('switchedToCode')
    expect(adviceFor(o({ method: 'face', state: 'cancelled', step: msg('FACE_CANCELLED') }))).toBe('customerCancelled')
  })

  it('a cancelled or closed order says nothing was paid; a never-received one says so', () => {
    expect(adviceFor(o({ state: 'cancelled', step: msg('CANCELLED_BY_CASHIER') }))).toBe('notPaid')
    expect(adviceFor(o({ failure: { code: 'NOT_RECEIVED', message: msg('NOT_RECEIVED') } }))).toBe('notReceived')
    expect(adviceFor(o({ state: 'review', attention: msg('ATTENTION_AMOUNT_MISMATCH', { gatewayFen: 100, orderFen: 1250 }) }))).toBe('review')
  })
})
