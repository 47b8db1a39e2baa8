import { describe, expect, it } from 'vitest'
import { faceCodeRequest, faceCodeResultOf, parseResponse, payResultRequest, rawdataOf } from './vendor-protocol'

describe('vendor protocol', () => {
  it('builds getWxpayfaceCode with the SDK field names and total_fee in fen', () => {
    expect(faceCodeRequest({ authinfo: 'A', appid: 'wx1', mchId: 'm1', storeId: 's1', outTradeNo: 'T1', totalFee: 1234 })).toEqual({
      cmd: 'getWxpayfaceCode', authinfo: 'A', appid: 'wx1', mch_id: 'm1', store_id: 's1', out_trade_no: 'T1', total_fee: '1234', face_authtype: 'FACEPAY',
    })
    expect(() => faceCodeRequest({ authinfo: 'A', appid: 'wx1', mchId: 'm1', storeId: 's1', outTradeNo: 'T1', totalFee: 12.5 })).toThrow(/positive integer/)
    expect(payResultRequest({ authinfo: 'A', appid: 'wx1', mchId: 'm1', storeId: 's1', paid: false })).toMatchObject({ payresult: 'ERROR' })
  })

  it('maps answers and refuses unreadable ones', () => {
    expect(() => parseResponse(-1, null)).toThrow(expect.objectContaining({ code: 'vendor-rc', returnCode: -1 }))
    expect(() => parseResponse(0, 'not json')).toThrow(expect.objectContaining({ code: 'bad-response' }))
    expect(() => parseResponse(0, '[1]')).toThrow(expect.objectContaining({ code: 'bad-response' }))
    expect(() => rawdataOf({ return_code: 'SUCCESS' })).toThrow(/no rawdata/)
    expect(faceCodeResultOf({ return_code: 'SUCCESS', openid: 'o' })).toMatchObject({ kind: 'error' })
    expect(faceCodeResultOf({ return_code: 'SYSTEMERROR', return_msg: '系统繁忙' })).toEqual({ kind: 'error', message: '系统繁忙' })
  })
})
