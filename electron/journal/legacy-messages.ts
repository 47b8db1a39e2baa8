// Migration v5: the sentences journals v1–v4 stored (Chinese steps, failure
// reasons and attention flags; the engine's English notes on transitions) as
// message codes. Known sentences map to their code with the params read back
// out of them; anything else becomes LEGACY_TEXT, shown verbatim. Used from
// SQL (`legacy_message(kind, text, failure_code, amount_fen)`, registered in
// db.ts) so the migration itself stays a plain SQL string.
import { Message, msg, type MessageCode } from '../shared/contract'
import { encodeMessage } from '../shared/stored-message'

export type LegacyKind = 'step' | 'failure' | 'attention' | 'note' | 'refund-step' | 'refund-failure'

const EXACT: Record<string, MessageCode> = {
  正在创建订单: 'ORDER_CREATING',
  请顾客看向摄像头完成刷脸: 'FACE_LOOK_AT_CAMERA',
  '正在提交支付…': 'PAYMENT_SUBMITTING',
  '顾客正在输入密码 / 确认支付，请稍候': 'WAITING_PASSWORD',
  请顾客用手机扫描副屏二维码: 'WAITING_QR_SCAN',
  '支付结果未知，正在查询…': 'RESULT_UNKNOWN_QUERYING',
  '网络异常，正在重新查询…': 'NETWORK_RETRY_QUERYING',
  '顾客可能仍在付款：支付机构规定下单 15 秒后才能撤销，到时自动撤销': 'WAITING_TO_CANCEL',
  '正在撤销订单…': 'CANCELLING',
  '网关暂未同意撤销（顾客可能仍在付款），正在查询并自动重试…': 'CANCEL_RETRYING',
  收款成功: 'PAID',
  '已撤销，未收款': 'CANCELLED_BY_CASHIER',
  '顾客未在规定时间内付款，订单已撤销，未收款': 'CANCELLED_TIMEOUT',
  '订单已关闭，未收款': 'ORDER_CLOSED',
  '顾客取消了刷脸，未收款': 'FACE_CANCELLED',
  '顾客改用付款码：请扫描顾客的付款码': 'FACE_SWITCHED_TO_CODE',
  '订单未提交到支付网关（程序中断），未收款': 'NOT_SUBMITTED_INTERRUPTED',
  '账本写入失败，订单未提交，未收款': 'NOT_SUBMITTED_JOURNAL',
  '支付网关确认没有这笔订单，未收款': 'NOT_RECEIVED',
  '支付网关没有收到这笔订单，未收款': 'NOT_RECEIVED',
  支付网关没有收到这笔订单: 'NOT_RECEIVED',
  '金额不符，请人工核对': 'AMOUNT_MISMATCH',
  '无法撤销，请人工核对': 'CANNOT_CANCEL',
  '恢复备份后向支付网关查询中…': 'RESTORED_QUERYING',
  '正在提交退款…': 'REFUND_SUBMITTING',
  '退款结果未知，正在查询…': 'REFUND_RESULT_UNKNOWN',
  '退款是否已提交未知（程序中断且网关无应答），请稍后“复查”': 'REFUND_SUBMIT_UNKNOWN',
  '退款未提交（程序中断），未退款，请重新发起': 'REFUND_NOT_SUBMITTED',
  退款未提交: 'REFUND_NOT_SUBMITTED',
  '退款处理中，正在确认结果…': 'REFUND_PROCESSING',
  退款失败: 'REFUND_FAILED_AT_GATEWAY',
  网关退款失败: 'REFUND_FAILED_AT_GATEWAY',
  '退款转入代发：顾客银行卡异常，需线下处理': 'REFUND_CHANGE',
  退款转入代发: 'REFUND_CHANGE',
  '退款仍在处理中，请稍后在订单详情中“复查”': 'REFUND_STILL_PROCESSING',
  '支付后已转入退款，请核对': 'ATTENTION_TURNED_TO_REFUND',
  '备份恢复后对账找回：网关显示已收款，账本中原无此单，请核对': 'ATTENTION_RESTORED_PAID',
  '对账：网关显示已收款，账本原记为未收款，已按网关更正，请核对': 'RECONCILE_PAID_NOT_RECORDED',
  '对账：账本记为已收款，网关显示未收款，请核对': 'RECONCILE_RECORDED_NOT_PAID',
  '对账：网关金额与账本不符，请核对': 'RECONCILE_AMOUNT',
  '对账：网关交易号与账本不符，请核对': 'RECONCILE_TRANSACTION_ID',
  '对账：本机已结束此单，网关仍显示未完成，请核对': 'RECONCILE_OPEN_AT_GATEWAY',
  // The engine's notes (English) that carry no params.
  'submitting to the gateway': 'PAYMENT_SUBMITTING',
  'cashier pressed Stop': 'CASHIER_STOPPED',
  'cashier stopped: cancelling': 'CASHIER_STOPPED',
  'stopped before face code': 'CASHIER_STOPPED',
  'stopped during face capture': 'CASHIER_STOPPED',
  'deadline reached: cancelling': 'DEADLINE_CANCELLING',
  'cancel window open: cancelling': 'CANCEL_WINDOW_OPEN',
  'customer cancelled face pay': 'FACE_CANCELLED',
  'customer switched to a payment code': 'FACE_SWITCHED_TO_CODE',
  'recovery: created, gateway confirmed not found (twice)': 'RECOVERY_NOT_FOUND',
  'restored from a backup that did not have this order: asking the gateway': 'RESTORED_QUERYING',
  'restore lookup: orderquery paid': 'RESTORE_LOOKUP_PAID',
}

/** The Chinese words v1–v4 used for gateway answers, back to their kinds. */
const OUTCOME_FROM_ZH: Record<string, string> = {
  已支付: 'paid', 支付中: 'paying', 未支付: 'unpaid', 已关闭: 'closed', 已撤销: 'reversed', 转入退款: 'refund', 失败: 'failed',
  订单不存在: 'notFound', 结果未知: 'unknown', 撤销成功: 'cancelled', 需重试: 'retry', 处理中: 'processing', 已创建: 'created', 成功: 'success',
}
const outcome = (zh: string) => OUTCOME_FROM_ZH[zh] ?? zh
const minutes = (m: string) => (/^\d+$/.test(m) ? Number(m) : m)
const answer = (call: string, state: string, extra: Record<string, string> = {}) => msg('GATEWAY_ANSWER', { call: call === 'pre-order' ? 'preorder' : call, state, ...extra })

type Rule = [RegExp, (m: RegExpMatchArray, code: string) => Message]

// Sentences with params, tried in order (the first match wins).
const RULES: Rule[] = [
  [/^刷脸设备异常：([\s\S]*)。请改用扫码收款$/, (m) => msg('FACE_DEVICE_FAILED', { text: m[1]! })],
  [/^刷脸失败：([\s\S]*)。请改用扫码收款$/, (m) => msg('FACE_FAILED', { text: m[1]! })],
  [/^下单失败：([\s\S]*)$/, (m, code) => msg('PREORDER_FAILED', { code, text: m[1]! })],
  [/^支付失败：([\s\S]*)$/, (m, code) => msg('PAY_FAILED', { code, text: m[1]! })],
  [/^退款失败：([\s\S]*)$/, (m, code) => msg('REFUND_FAILED', { code, text: m[1]! })],
  [/^订单信息不符合网关要求（([\s\S]*)），未收款$/, (m) => msg('INVALID_REQUEST', { text: m[1]! })],
  [/^复查结果：(.*)，仍需人工核对$/, (m) => msg('RECHECK_STILL_REVIEW', { outcome: outcome(m[1]!) })],
  [/^网关金额 (\d+) 分与订单金额 (\d+) 分不符$/, (m) => msg('ATTENTION_AMOUNT_MISMATCH', { gatewayFen: Number(m[1]), orderFen: Number(m[2]) })],
  [/^已超过 (\S+) 分钟撤销期限；网关订单状态：(.*?)。请核对顾客手机上的付款记录，不要重复收款$/, (m) => msg('ATTENTION_CANCEL_WINDOW_PASSED', { minutes: minutes(m[1]!), outcome: outcome(m[2]!) })],
  [/^主管已核对(?:：([\s\S]*))?$/, (m) => msg('ACKNOWLEDGED', { note: m[1] ?? '' })],
  [/^orderquery: 10002 turned to refund$/, () => answer('orderquery', 'refund')],
  [/^(pay|orderquery|pre-order)(?::)? (paid|closed|reversed|paying|unpaid|notFound|created)$/, (m) => answer(m[1]!, m[2]!)],
  [/^(pay|pre-order)(?::)? failed:? (\S+)$/, (m) => answer(m[1]!, 'failed', { code: m[2]! })],
  [/^pay: (paying|unknown) \([\s\S]*\) after Stop$/, (m) => msg('ANSWER_AFTER_STOP', { call: 'pay', state: m[1]! })],
  [/^pay: paying \((\S*)\)$/, (m) => answer('pay', 'paying', { code: m[1]! })],
  [/^(pay|orderquery): unknown \(([\s\S]*)\)$/, (m) => answer(m[1]!, 'unknown', { text: m[2]! })],
  [/^pre-order unknown: ([\s\S]*)$/, (m) => answer('preorder', 'unknown', { text: m[1]! })],
  [/^cancel: done$/, () => answer('cancel', 'cancelled')],
  [/^cancel (\w+): ([\s\S]*); retry #(\d+)$/, (m) => msg('CANCEL_RETRY', { state: m[1] === 'refused' ? 'failed' : m[1]!, attempt: Number(m[3]), text: m[2]! })],
  [/^cancel refused: 已超过 (\S+) 分钟撤销期限; orderquery (\w+)$/, (m) => msg('CANCEL_WINDOW_PASSED', { minutes: minutes(m[1]!), outcome: m[2]! })],
  [/^(cancel retry: order not found|cancel refused \([\s\S]*\); order not found)$/, () => answer('orderquery', 'notFound')],
  [/^recheck: not found$/, () => msg('RECHECK', { state: 'notFound' })],
  [/^recheck: (\w+), flag cleared$/, (m) => msg('RECHECK_CLEARED', { state: m[1]! })],
  [/^recheck: (\w+) inside the cancel window: cancelling$/, (m) => msg('RECHECK_CANCELLING', { state: m[1]! })],
  [/^recheck: (\w+)$/, (m) => msg('RECHECK', { state: m[1]! })],
  [/^recovery: created, but orderquery answered (\w+)$/, (m) => msg('RECOVERY_FOUND', { state: m[1]! })],
  [/^not sent: journal write failed \((.*)\)$/, (m) => msg('NOT_SUBMITTED_JOURNAL', { reason: m[1]! })],
  [/^not sent: ([\s\S]*)$/, (m) => msg('INVALID_REQUEST', { text: m[1]! })],
  [/^face camera failed: ([\s\S]*)$/, (m) => msg('FACE_DEVICE_FAILED', { text: m[1]! })],
  [/^face SDK error: ([\s\S]*)$/, (m) => msg('FACE_FAILED', { text: m[1]! })],
  [/^refund (\S+) succeeded \((\d+) fen\)$/, (m) => msg('REFUND_SUCCEEDED', { amountFen: Number(m[2]), outRefundNo: m[1]! })],
  [/^reconciliation (\S+): (\S+) \(([\s\S]*)\)$/, (m) => msg('RECONCILE_NOTE', { run: m[1]!, difference: m[2]!, text: m[3]! })],
  // Last: an orderquery failure note was "orderquery: <code> <the gateway's msg>".
  [/^orderquery: (\S+) ([\s\S]*)$/, (m) => answer('orderquery', 'failed', { code: m[1]!, text: m[2]! })],
]

/** A value that is a message already (the migration is safe to run over its own output). */
function alreadyMessage(text: string): Message | null {
  if (!text.startsWith('{')) return null
  try {
    const parsed = Message.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** One stored sentence as a message. `failureCode` / `amountFen`: the row's, for sentences that lost them. */
export function legacyMessage(kind: LegacyKind, text: string, failureCode: string | null = null, amountFen: number | null = null): Message {
  const already = alreadyMessage(text)
  if (already) return already
  const exact = EXACT[text]
  if (exact) return msg(exact)
  if (text === '退款成功') return msg('REFUND_SUCCEEDED', amountFen !== null ? { amountFen } : undefined)
  for (const [re, make] of RULES) {
    const m = re.exec(text)
    if (m) return make(m, failureCode ?? '')
  }
  // The gateway's own words stored as they came (a failure reason; the step of a failed orderquery).
  if (failureCode && (kind === 'failure' || kind === 'refund-failure')) return msg('GATEWAY_REFUSED', { code: failureCode, text })
  if (failureCode && kind === 'step') return msg('PAY_FAILED', { code: failureCode, text })
  return msg('LEGACY_TEXT', { text: text.slice(0, 500) })
}

/** A stored Z report: each attention reason as a message (a refund's had "退款：" in front). Not JSON: left as it is. */
export function legacyZReport(json: string): string {
  let report: { attention?: unknown }
  try {
    report = JSON.parse(json) as { attention?: unknown }
  } catch {
    return json
  }
  if (!Array.isArray(report.attention)) return json
  report.attention = report.attention.map((a: { outTradeNo?: unknown; reason?: unknown; refund?: unknown }) => {
    if (typeof a?.reason !== 'string') return a
    const refund = a.reason.startsWith('退款：')
    return { ...a, refund, reason: legacyMessage(refund ? 'refund-step' : 'attention', refund ? a.reason.slice(3) : a.reason) }
  })
  return JSON.stringify(report)
}

/** The SQL functions migration v5 calls (deterministic: same text, same code). */
export function registerLegacyFunctions(db: { function: (name: string, options: { deterministic: boolean }, fn: (...args: never[]) => unknown) => unknown }): void {
  db.function('legacy_message', { deterministic: true }, (kind: LegacyKind, text: string | null, failureCode: string | null, amountFen: number | bigint | null) =>
    text === null || text === '' ? text : encodeMessage(legacyMessage(kind, text, failureCode, amountFen === null ? null : Number(amountFen))),
  )
  db.function('legacy_z_report', { deterministic: true }, (json: string | null) => (json === null ? null : legacyZReport(json)))
}
