// Every code in the spec's table, per call, through the pure classifiers.
// The input is a verified answer as the transport hands it over (a plain value,
// not a mock); the end-to-end paths are covered in client-*.test.ts.
import { describe, expect, it } from 'vitest'
import { GATEWAY_CODES } from './codes'
import { classifyCancel, classifyOrderQuery, classifyPay } from './classify-payments'
import { classifyGetMerchant, classifyRefund, classifyRefundQuery, classifySms, parseRefundList } from './classify-other'
import type { Exchange } from './transport'

const answer = (fields: Record<string, string>): Exchange => ({ ok: true, httpStatus: 200, fields: { state: 'SUCCESS', msg: 'm', ...fields } })
const ALL_CODES = Object.keys(GATEWAY_CODES)
const paidFields = { code: '10000', trade_state: 'SUCCESS', out_trade_no: 'T10001', total_fee: '100', transaction_id: '755', time_end: '20250115100000' }

describe('pay/facepay: every code', () => {
  const expected: Record<string, string> = {
    '10000': 'paid', '10001': 'paying', '10002': 'unknown', '10003': 'paying', '10004': 'failed', '10005': 'failed', '10006': 'failed',
    '20002': 'failed', '20003': 'unknown', '20004': 'failed', '20005': 'failed', '20006': 'unknown', '20007': 'unknown', '20008': 'unknown',
    '20009': 'unknown', '20010': 'unknown', '20011': 'unknown', '20012': 'failed', '20013': 'failed', '30001': 'unknown',
  }
  it.each(ALL_CODES)('%s', (code) => {
    const fields = code === '10000' ? paidFields : { code }
    expect(classifyPay(answer(fields), { outTradeNo: 'T10001', totalFee: 100 }).kind).toBe(expected[code])
  })

  it('a paid answer for another order, another amount or without time_end is not believed', () => {
    const exp = { outTradeNo: 'T10001', totalFee: 100 }
    expect(classifyPay(answer({ ...paidFields, out_trade_no: 'T10002' }), exp).kind).toBe('unknown')
    expect(classifyPay(answer({ ...paidFields, total_fee: '1' }), exp).kind).toBe('unknown')
    expect(classifyPay(answer({ ...paidFields, total_fee: '1.00' }), exp).kind).toBe('unknown')
    expect(classifyPay(answer({ ...paidFields, time_end: '' }), exp).kind).toBe('unknown')
    expect(classifyPay(answer({ ...paidFields, trade_state: 'NEED_QUERY' }), exp).kind).toBe('paying')
    expect(classifyPay(answer({ ...paidFields, trade_state: 'FAIL' }), exp).kind).toBe('unknown')
    expect(classifyPay(answer({ state: 'VER', code: '20004' }), exp).kind).toBe('failed')
    expect(classifyPay({ ok: false, fault: 'network', reason: 'timed out', httpStatus: null, fields: null }, exp)).toEqual({ kind: 'unknown', reason: 'timed out', fault: 'network' })
  })
})

describe('orderQuery: every code', () => {
  const expected: Record<string, string> = {
    '10000': 'paid', '10001': 'paying', '10002': 'refund', '10003': 'unpaid', '10004': 'closed', '10005': 'reversed', '10006': 'failed',
    '20007': 'notFound',
  }
  it.each(ALL_CODES)('%s', (code) => {
    const fields = code === '10000' ? paidFields : { code }
    expect(classifyOrderQuery(answer(fields), 'T10001').kind).toBe(expected[code] ?? 'unknown')
  })
  it('trade_state REFUND and PROCESSING on 10000', () => {
    expect(classifyOrderQuery(answer({ ...paidFields, trade_state: 'REFUND' }), 'T10001').kind).toBe('refund')
    expect(classifyOrderQuery(answer({ ...paidFields, trade_state: 'PROCESSING' }), 'T10001').kind).toBe('paying')
  })
})

describe('cancel: every code', () => {
  const expected: Record<string, string> = {
    '10000': 'cancelled', '10001': 'paying', '10002': 'failed', '10004': 'cancelled', '10005': 'cancelled',
    '20002': 'failed', '20004': 'failed', '20005': 'failed', '20006': 'retry', '20007': 'failed', '20011': 'failed',
    '20012': 'failed', '20013': 'failed', '30001': 'retry',
  }
  it.each(ALL_CODES)('%s', (code) => {
    expect(classifyCancel(answer({ code })).kind).toBe(expected[code] ?? 'unknown')
  })
  it('recall=Y means retry whatever the code', () => {
    expect(classifyCancel(answer({ code: '20011', recall: 'Y' })).kind).toBe('retry')
  })
})

describe('refund and refundquery: every code', () => {
  it.each(ALL_CODES)('refund %s', (code) => {
    const fields: Record<string, string> = code === '10000' ? { code, out_refund_no: 'R1', refund_id: '1995', refund_fee: '50' } : { code }
    const expected: Record<string, string> = {
      '10000': 'success', '10001': 'processing', '20002': 'failed', '20004': 'failed', '20005': 'failed', '20007': 'failed',
      '20008': 'failed', '20012': 'failed', '20013': 'failed',
    }
    expect(classifyRefund(answer(fields), { outRefundNo: 'R1' }).kind).toBe(expected[code] ?? 'unknown')
  })

  it.each(ALL_CODES)('refundquery %s', (code) => {
    const expected: Record<string, string> = {
      '10000': 'ok', '20002': 'failed', '20004': 'failed', '20005': 'failed', '20007': 'notFound', '20010': 'failed', '20012': 'failed', '20013': 'failed',
    }
    expect(classifyRefundQuery(answer({ code, refund_list: '[]', refund_fee_summary: '0' })).kind).toBe(expected[code] ?? 'unknown')
  })

  it("parses the spec's refund_list example (a JSON string inside the JSON answer)", () => {
    const wire =
      '{"refund_list":"[{\\"serial_no\\":\\"0\\",\\"refund_id\\":\\"199520175115201706224112697859\\",\\"out_refund_id\\":\\"50000203302017062201274913961\\",\\"out_refund_no\\":\\"TK-1498125915060-0.02\\",\\"refund_channel\\":\\"ORIGINAL\\",\\"refund_fee\\":\\"2\\",\\"refund_status\\":\\"SUCCESS\\",\\"refund_time\\":\\"20170622182219\\"},{\\"serial_no\\":\\"1\\",\\"refund_id\\":\\"199520175115201706226290021966\\",\\"out_refund_id\\":\\"50000203302017062201275383549\\",\\"out_refund_no\\":\\"TK-1498125915060-0.01-1\\",\\"refund_channel\\":\\"ORIGINAL\\",\\"refund_fee\\":\\"1\\",\\"refund_status\\":\\"SUCCESS\\",\\"refund_time\\":\\"20170622181822\\"}]"}'
    const outer = JSON.parse(wire) as { refund_list: string }
    expect(parseRefundList(outer.refund_list)).toEqual([
      { outRefundNo: 'TK-1498125915060-0.02', refundId: '199520175115201706224112697859', refundFee: 2, status: 'SUCCESS', refundTime: '20170622182219' },
      { outRefundNo: 'TK-1498125915060-0.01-1', refundId: '199520175115201706226290021966', refundFee: 1, status: 'SUCCESS', refundTime: '20170622181822' },
    ])
    expect(classifyRefundQuery(answer({ code: '10000', refund_list: outer.refund_list, refund_fee_summary: '3' }))).toMatchObject({ kind: 'ok', refundFeeSummary: 3 })
  })

  it('a malformed refund_list is unknown, not an empty success', () => {
    for (const list of ['[{', '{}', '[{"out_refund_no":"R1","refund_fee":"1.5","refund_status":"SUCCESS"}]', '[{"out_refund_no":"R1","refund_fee":"1","refund_status":"DONE"}]']) {
      expect(classifyRefundQuery(answer({ code: '10000', refund_list: list })).kind).toBe('unknown')
    }
  })
})

describe('activation answers', () => {
  it('GetMchSMSValid: code holds the minutes', () => {
    expect(classifySms(answer({ code: '20' }))).toEqual({ kind: 'ok', validMinutes: 20 })
    expect(classifySms(answer({ state: 'FAIL', code: '20004' })).kind).toBe('failed')
    expect(classifySms(answer({ state: 'FAIL', code: '20' })).kind).toBe('unknown')
  })
  it('GetMchId: mch_state 0/20/30', () => {
    const base = { code: '10000', mch_id: 'f1', mch_trade_code: 'k', mch_full_name: 'F', mch_short_name: 'S' }
    expect(classifyGetMerchant(answer({ ...base, mch_state: '0' }))).toMatchObject({ state: 'pending' })
    expect(classifyGetMerchant(answer({ ...base, mch_state: '20' }))).toMatchObject({ state: 'active' })
    expect(classifyGetMerchant(answer({ ...base, mch_state: '30' }))).toMatchObject({ state: 'disabled' })
    expect(classifyGetMerchant(answer({ ...base, mch_trade_code: '' })).kind).toBe('unknown')
  })
})
