import { describe, expect, it } from 'vitest'
import { checkNotification, parseNotificationBody } from './notification'
import { sign } from './sign'

const KEY = 'merchant-key-123'
// The spec's WeChat notification example, re-signed with our key.
const EXAMPLE =
  'bank_type=CFT&mch_id=f20170519135901860000&nonce_str=1523929649387&out_trade_no=1523929500000&out_transaction_id=2018041721001004870537670226&pay_result=0&result_code=SUCCESS&state=SUCCESS&time_end=20180417094729&total_fee=1&trade_type=pay.weixin.native&transaction_id=199520439266201804177199552446'

function signed(over: Record<string, string> = {}): Record<string, string> {
  const fields = { ...parseNotificationBody(EXAMPLE), ...over }
  delete fields.sign
  return { ...fields, sign: sign(fields, KEY) }
}

const order = { outTradeNo: '1523929500000', amountFen: 1 }

describe('pre-order result notifications', () => {
  it('a signed notification for our order and amount is believed', () => {
    expect(checkNotification(signed(), KEY, order)).toEqual({ ok: true, paid: true, transactionId: '199520439266201804177199552446', outTradeNo: order.outTradeNo, totalFee: 1 })
  })
  it('pay_result other than 0 is not a payment', () => {
    const r = checkNotification(signed({ pay_result: '1' }), KEY, order)
    expect(r.ok && r.paid).toBe(false)
  })
  it('a forged amount or order number is refused even when signed', () => {
    expect(checkNotification(signed({ total_fee: '100' }), KEY, order).ok).toBe(false)
    expect(checkNotification(signed({ out_trade_no: '999999' }), KEY, order).ok).toBe(false)
    expect(checkNotification(signed({ total_fee: '1.00' }), KEY, order).ok).toBe(false)
  })
  it('a tampered or unsigned notification is refused', () => {
    const tampered = { ...signed(), total_fee: '1', bank_type: 'OTHER' }
    expect(checkNotification(tampered, KEY, order)).toEqual({ ok: false, reason: 'notification signature does not verify' })
    const { sign: _s, ...unsigned } = signed()
    expect(checkNotification(unsigned, KEY, order)).toEqual({ ok: false, reason: 'notification has no signature' })
    expect(checkNotification(signed(), 'other-key', order).ok).toBe(false)
  })
})
