// Typed requests → validated form fields (spec names). Throws
// GatewayValidationError before any network call. Common fields (agent_id,
// mch_id, method, nonce_str, sign) are added by the client.
import type {
  CancelRequest,
  FaceAuthRequest,
  FacePayRequest,
  GetMerchantRequest,
  OrderQueryRequest,
  PayOptionalFields,
  PayRequest,
  PreOrderRequest,
  RefundQueryRequest,
  RefundRequest,
  RegisterMerchantRequest,
} from './types'
import * as v from './validate'

export type FormFields = Record<string, string | undefined>

function payOptional(req: PayOptionalFields): FormFields {
  return {
    attach: v.optionalText('attach', req.attach, 127),
    device_info: v.optionalText('device_info', req.deviceInfo, 32),
    mch_create_ip: v.optionalText('mch_create_ip', req.mchCreateIp, 64),
    op_user_id: v.optionalText('op_user_id', req.opUserId, 32),
    op_shop_id: v.optionalText('op_shop_id', req.opShopId, 32),
    op_device_id: v.optionalText('op_device_id', req.opDeviceId, 32),
    goods_tag: v.optionalText('goods_tag', req.goodsTag, 32),
  }
}

function requireObject(req: unknown): void {
  if (typeof req !== 'object' || req === null) throw new v.GatewayValidationError('request', 'must be an object')
}

export function payFields(req: PayRequest): FormFields {
  requireObject(req)
  return {
    out_trade_no: v.outTradeNo(req.outTradeNo),
    total_fee: v.fen('total_fee', req.totalFee),
    body: v.body(req.body),
    auth_code: v.authCode(req.authCode),
    ...payOptional(req),
  }
}

export function facePayFields(req: FacePayRequest): FormFields {
  requireObject(req)
  return {
    out_trade_no: v.outTradeNo(req.outTradeNo),
    total_fee: v.fen('total_fee', req.totalFee),
    body: v.body(req.body),
    face_code: v.pattern('face_code', req.faceCode, /^[\x21-\x7e]{1,128}$/, '1–128 visible ASCII characters'),
    openid: v.pattern('openid', req.openid, /^[\x21-\x7e]{1,128}$/, '1–128 visible ASCII characters'),
    sub_openid:
      req.subOpenid === undefined
        ? undefined
        : v.pattern('sub_openid', req.subOpenid, /^[\x21-\x7e]{1,128}$/, '1–128 visible ASCII characters'),
    ...payOptional(req),
  }
}

export function orderQueryFields(req: OrderQueryRequest): FormFields {
  requireObject(req)
  return { paytype: v.payType(req.paytype), out_trade_no: v.outTradeNo(req.outTradeNo) }
}

export function cancelFields(req: CancelRequest): FormFields {
  requireObject(req)
  return { paytype: v.payType(req.paytype), out_trade_no: v.outTradeNo(req.outTradeNo), op_user_id: v.opUserId(req.opUserId) }
}

export function refundFields(req: RefundRequest): FormFields {
  requireObject(req)
  return {
    paytype: v.payType(req.paytype),
    out_trade_no: v.outTradeNo(req.outTradeNo),
    out_refund_no: v.outRefundNo(req.outRefundNo),
    total_fee: v.fen('total_fee', req.totalFee),
    refund_fee: v.refundFee(req.refundFee, req.totalFee),
    op_user_id: v.opUserId(req.opUserId),
  }
}

export function refundQueryFields(req: RefundQueryRequest): FormFields {
  requireObject(req)
  const paytype = v.payType(req.paytype)
  const fields: FormFields = {
    paytype,
    out_trade_no: req.outTradeNo === undefined ? undefined : v.outTradeNo(req.outTradeNo),
    out_refund_no: req.outRefundNo === undefined ? undefined : v.outRefundNo(req.outRefundNo),
    refund_id: req.refundId === undefined ? undefined : v.pattern('refund_id', req.refundId, /^[A-Za-z0-9_-]{1,64}$/, '1–64 letters or digits'),
  }
  if (!fields.out_trade_no && !fields.out_refund_no && !fields.refund_id) {
    throw new v.GatewayValidationError('out_trade_no', 'one of out_trade_no, out_refund_no or refund_id is required')
  }
  // Spec: for Alipay, refund_id or out_refund_no is mandatory.
  if (paytype === 'ALIPAY' && !fields.out_refund_no && !fields.refund_id) {
    throw new v.GatewayValidationError('out_refund_no', 'Alipay refund queries need out_refund_no or refund_id')
  }
  return fields
}

export function preOrderFields(req: PreOrderRequest, wallet: 'WECHAT' | 'ALIPAY'): FormFields {
  requireObject(req)
  const outTradeNo = v.outTradeNo(req.outTradeNo)
  return {
    trade_type: 'NATIVE',
    out_trade_no: outTradeNo,
    total_fee: v.fen('total_fee', req.totalFee),
    body: v.body(req.body),
    product_id:
      wallet === 'WECHAT'
        ? v.pattern('product_id', req.productId ?? outTradeNo, /^[A-Za-z0-9_-]{1,32}$/, '1–32 letters, digits, _ or -')
        : undefined,
    attach: v.optionalText('attach', req.attach, 127),
    device_info: v.optionalText('device_info', req.deviceInfo, 32),
    mch_create_ip: v.optionalText('mch_create_ip', req.mchCreateIp, 64),
    op_user_id: v.optionalText('op_user_id', req.opUserId, 32),
    op_shop_id: v.optionalText('op_shop_id', req.opShopId, 32),
    notify_url: req.notifyUrl === undefined ? undefined : v.httpUrl('notify_url', req.notifyUrl),
    time_expire: v.timestamp14('time_expire', req.timeExpire),
  }
}

export function faceAuthFields(req: FaceAuthRequest): FormFields {
  requireObject(req)
  return {
    store_id: v.text('store_id', req.storeId, { maxBytes: 32 }),
    store_name: v.text('store_name', req.storeName, { maxBytes: 128 }),
    device_id: v.text('device_id', req.deviceId, { maxBytes: 64 }),
    rawdata: v.text('rawdata', req.rawdata, { maxBytes: 8192 }),
  }
}

export function smsFields(req: { mobile: string }): FormFields {
  requireObject(req)
  return { mobile: v.mobile(req.mobile) }
}

export function getMerchantFields(req: GetMerchantRequest): FormFields {
  requireObject(req)
  if ('mobile' in req && req.mobile !== undefined) {
    return { mobile: v.mobile(req.mobile), valid: v.pattern('valid', req.valid, /^\d{4,8}$/, '4–8 digits') }
  }
  if ('username' in req && req.username !== undefined) {
    return { username: v.text('username', req.username, { maxBytes: 64 }), password: v.text('password', req.password, { maxBytes: 64 }) }
  }
  throw new v.GatewayValidationError('mobile', 'give mobile + valid, or username + password')
}

const RESERVED = new Set(['agent_id', 'sign', 'nonce_str', 'version', 'pid'])
export function registerFields(fields: RegisterMerchantRequest): FormFields {
  requireObject(fields)
  const out: FormFields = {}
  const entries = Object.entries(fields)
  if (entries.length === 0) throw new v.GatewayValidationError('fields', 'at least one merchant field is required')
  for (const [k, value] of entries) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k)) throw new v.GatewayValidationError(k, 'field names are letters, digits and _')
    if (RESERVED.has(k)) throw new v.GatewayValidationError(k, 'is set by the client')
    out[k] = v.text(k, value, { maxBytes: 1024 })
  }
  return out
}
