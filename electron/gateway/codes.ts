// The spec's status codes (§1.3) and the groups the classifiers share.

export const GATEWAY_CODES: Readonly<Record<string, string>> = {
  '10000': '成功',
  '10001': '支付中',
  '10002': '转入退款',
  '10003': '未支付',
  '10004': '已关闭',
  '10005': '已撤销',
  '10006': '支付错误',
  '20002': '签名错误',
  '20003': '响应结果签名错误',
  '20004': '参数错误',
  '20005': '商户错误',
  '20006': '系统错误',
  '20007': '订单不存在',
  '20008': '退款错误',
  '20009': '交易查询错误',
  '20010': '退款查询错误',
  '20011': '交易撤销错误',
  '20012': '代理商错误',
  '20013': '商户交易配置错误',
  '30001': '网络异常',
}

/**
 * Signed answers in which the gateway refused the request itself (our signature,
 * our parameters, the merchant or agent setup): nothing was created or moved.
 * 20003, 20006 and 30001 are deliberately absent: after them nobody knows.
 */
export const REQUEST_REFUSED = new Set(['20002', '20004', '20005', '20012', '20013'])

/** trade_state values meaning "not decided yet, ask again". */
export const PENDING_TRADE_STATES = new Set(['PROCESSING', 'NEED_QUERY'])

export function codeOf(fields: Record<string, string>): string {
  return fields.code ?? ''
}

export function messageOf(fields: Record<string, string>): string {
  const code = codeOf(fields)
  return fields.msg || GATEWAY_CODES[code] || `gateway code ${code || '(none)'}`
}

/** Integer fen from the gateway's string, or null when it is not one. */
export function parseFen(value: string | undefined): number | null {
  if (value === undefined || !/^\d{1,15}$/.test(value)) return null
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : null
}
