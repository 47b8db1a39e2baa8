import { describe, expect, it } from 'vitest'
import type { OrderView } from '../../../electron/shared/contract'
import { adviceFor } from './advice'

const base: OrderView = {
  outTradeNo: 'POS1',
  method: 'code',
  paytype: 'WECHAT',
  amountFen: 1250,
  body: '水果',
  state: 'failed',
  step: '',
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
    expect(adviceFor(o({ failure: { code: '10006', message: '余额不足' }, step: '支付失败：余额不足' }))).toBe('insufficient')
    expect(adviceFor(o({ failure: { code: '20004', message: '付款码无效或已过期，请刷新后重试' } }))).toBe('expiredCode')
    expect(adviceFor(o({ state: 'review', attention: '已超过 5 分钟撤销期限；网关订单状态：结果未知' }))).toBe('unreachable')
    expect(adviceFor(o({ failure: { code: '20006', message: '系统错误' } }))).toBe('unreachable')
  })

  it('face: the customer switched to a payment code, or cancelled', () => {
    expect(adviceFor(o({ method: 'face', state: 'cancelled', step: '顾客改用付款码：请扫描顾客的付款码' }))).toBe('switchedToCode')
    expect(adviceFor(o({ method: 'face', state: 'cancelled', step: '顾客取消了刷脸，未收款' }))).toBe('customerCancelled')
  })

  it('a cancelled or closed order says nothing was paid; a never-received one says so', () => {
    expect(adviceFor(o({ state: 'cancelled', step: '已撤销，未收款' }))).toBe('notPaid')
    expect(adviceFor(o({ failure: { code: 'NOT_RECEIVED', message: '支付网关没有收到这笔订单' } }))).toBe('notReceived')
    expect(adviceFor(o({ state: 'review', attention: '网关金额 100 分与订单金额 1250 分不符' }))).toBe('review')
  })
})
