// Verified answers of refund, refundquery, the QR pre-orders, getfaceauth and
// the merchant (agent-key) calls → typed outcomes. Same rule as payments: no
// verified definite answer, no final result.
import { PENDING_TRADE_STATES, REQUEST_REFUSED, codeOf, messageOf, parseFen } from './codes'
import { unknownOf } from './classify-payments'
import type { Exchange } from './transport'
import type {
  Failed,
  FaceAuthOutcome,
  GetMerchantOutcome,
  MerchantState,
  PreOrderOutcome,
  RefundEntry,
  RefundOutcome,
  RefundQueryOutcome,
  RefundStatus,
  RegisterMerchantOutcome,
  SendSmsOutcome,
  Unknown,
} from './types'

function unknownCode(fields: Record<string, string>, why: string): Unknown {
  const code = codeOf(fields)
  return { kind: 'unknown', reason: `${why}: ${code || '(no code)'} ${messageOf(fields)}`, ...(code ? { code } : {}) }
}

/** A refusal (or a version refusal) as `failed`; null when the answer is not one. */
function refusal(fields: Record<string, string>, extraFinal: readonly string[] = []): Failed | null {
  const code = codeOf(fields)
  if (fields.state === 'VER') return { kind: 'failed', code: code || 'VER', message: `client version refused: ${messageOf(fields)}` }
  if (REQUEST_REFUSED.has(code) || extraFinal.includes(code)) return { kind: 'failed', code, message: messageOf(fields) }
  return null
}

export function classifyRefund(ex: Exchange, expected: { outRefundNo: string }): RefundOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  const code = codeOf(f)
  if (code === '10000') {
    const ts = f.trade_state
    if (ts !== undefined && PENDING_TRADE_STATES.has(ts)) return { kind: 'processing' }
    if (ts !== undefined && ts !== '' && ts !== 'SUCCESS') return unknownCode(f, `code 10000 with trade_state ${ts}`)
    const refundFee = parseFen(f.refund_fee)
    if (f.out_refund_no !== undefined && f.out_refund_no !== expected.outRefundNo) return unknownCode(f, 'answer names another out_refund_no')
    if (!f.refund_id || refundFee === null) return unknownCode(f, 'refund answer lacks refund_id or refund_fee')
    return { kind: 'success', refundId: f.refund_id, refundFee }
  }
  if (code === '10001') return { kind: 'processing' }
  return refusal(f, ['20007', '20008']) ?? unknownCode(f, 'no definite answer')
}

const REFUND_STATUSES: readonly RefundStatus[] = ['SUCCESS', 'FAIL', 'PROCESSING', 'NOTSURE', 'CHANGE']

/** refund_list is a JSON string inside the JSON answer. Null when any entry is malformed. */
export function parseRefundList(text: string | undefined): RefundEntry[] | null {
  if (text === undefined || text === '') return []
  let list: unknown
  try {
    list = JSON.parse(text)
  } catch {
    return null
  }
  if (!Array.isArray(list)) return null
  const out: RefundEntry[] = []
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) return null
    const e = item as Record<string, unknown>
    const refundFee = parseFen(typeof e.refund_fee === 'number' ? String(e.refund_fee) : (e.refund_fee as string | undefined))
    const status = e.refund_status as RefundStatus
    if (typeof e.out_refund_no !== 'string' || refundFee === null || !REFUND_STATUSES.includes(status)) return null
    out.push({
      outRefundNo: e.out_refund_no,
      refundId: typeof e.refund_id === 'string' ? e.refund_id : '',
      refundFee,
      status,
      refundTime: typeof e.refund_time === 'string' ? e.refund_time : '',
    })
  }
  return out
}

export function classifyRefundQuery(ex: Exchange): RefundQueryOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  const code = codeOf(f)
  if (code === '10000') {
    const refunds = parseRefundList(f.refund_list)
    const summary = parseFen(f.refund_fee_summary)
    if (refunds === null) return unknownCode(f, 'refund_list is not a valid list')
    return { kind: 'ok', refunds, refundFeeSummary: summary ?? refunds.reduce((sum, r) => sum + r.refundFee, 0) }
  }
  if (code === '20007') return { kind: 'notFound' }
  return refusal(f, ['20010']) ?? unknownCode(f, 'query not answered')
}

export function classifyPreOrder(ex: Exchange, outTradeNo: string): PreOrderOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  if (codeOf(f) === '10000') {
    if (f.out_trade_no !== undefined && f.out_trade_no !== outTradeNo) return unknownCode(f, 'answer names another out_trade_no')
    if (!f.code_url) return unknownCode(f, 'pre-order answer has no code_url')
    return { kind: 'created', codeUrl: f.code_url, ...(f.code_img_url ? { codeImgUrl: f.code_img_url } : {}) }
  }
  return refusal(f, ['10006']) ?? unknownCode(f, 'no definite answer')
}

export function classifyFaceAuth(ex: Exchange): FaceAuthOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  if (codeOf(f) === '10000') {
    const expiresIn = parseFen(f.expires_in)
    if (!f.authinfo || expiresIn === null || expiresIn <= 0) return unknownCode(f, 'answer lacks authinfo or expires_in')
    return {
      kind: 'ok',
      authinfo: f.authinfo,
      expiresIn,
      appid: f.appid ?? '',
      channelMchId: f.channel_mch_id ?? '',
      mchId: f.mch_id ?? '',
      storeId: f.store_id ?? '',
      ...(f.sub_appid ? { subAppid: f.sub_appid } : {}),
      ...(f.sub_mch_id ? { subMchId: f.sub_mch_id } : {}),
    }
  }
  return refusal(f) ?? unknownCode(f, 'no definite answer')
}

/** GetMchSMSValid answers the validity in minutes in `code` (spec 2.4.2). */
export function classifySms(ex: Exchange): SendSmsOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  const code = codeOf(f)
  if (f.state === 'SUCCESS' && /^\d{1,4}$/.test(code) && Number(code) > 0) return { kind: 'ok', validMinutes: Number(code) }
  return refusal(f) ?? unknownCode(f, 'no definite answer')
}

const MERCHANT_STATES: Record<string, MerchantState> = { '0': 'pending', '20': 'active', '30': 'disabled' }

export function classifyGetMerchant(ex: Exchange): GetMerchantOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  if (codeOf(f) === '10000') {
    if (!f.mch_id || !f.mch_trade_code) return unknownCode(f, 'answer lacks mch_id or mch_trade_code')
    return {
      kind: 'ok',
      mchId: f.mch_id,
      mchTradeCode: f.mch_trade_code,
      fullName: f.mch_full_name ?? '',
      shortName: f.mch_short_name ?? '',
      state: MERCHANT_STATES[f.mch_state ?? ''] ?? 'unknown',
    }
  }
  return refusal(f) ?? unknownCode(f, 'no definite answer')
}

export function classifyRegister(ex: Exchange): RegisterMerchantOutcome {
  if (!ex.ok) return unknownOf(ex)
  const f = ex.fields
  if (codeOf(f) === '10000' && f.mch_id) return { kind: 'ok', mchId: f.mch_id }
  return refusal(f) ?? unknownCode(f, 'no definite answer')
}
