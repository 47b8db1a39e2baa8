// Receipt layout as a receiptline document (a small markdown for receipts):
// the same document renders to ESC/POS bytes for the printer and to SVG for the
// on-screen preview (render.ts). Text is Chinese-first, like the paper a
// customer in China expects; amounts print with the full-width ￥ (the half-width
// ¥ is not in GBK printers' tables).
import { formatYuan } from '../shared/money'
import type { CashMovementReceipt, DayReceipt, PaymentMethod, Receipt, ReceiptHeader, RefundReceipt, ReportReceipt, SaleReceipt } from './receipt-data'

const PAYTYPE: Record<string, string> = { WECHAT: '微信支付', ALIPAY: '支付宝', UNIONPAY: '银联云闪付', JDPAY: '京东支付', BESTPAY: '翼支付', QQ: 'QQ钱包' }
const METHOD: Record<PaymentMethod, string> = { code: '付款码', face: '刷脸', qr: '扫码', cash: '现金' }

/** Escapes receiptline's special characters in text that comes from data (names, numbers). */
export function esc(text: string): string {
  return text.replace(/[\\|{}~_"`^]/g, (c) => `\\${c}`).replace(/^([-=]+)$/, '\\$1')
}

/** 123456 → "￥1,234.56": the shared money format with the full-width yuan sign printers have in their GB tables. */
export function receiptMoney(fen: number): string {
  return formatYuan(fen).replace('¥', '￥')
}

/** "2026-12-02 09:30:05" in the shop's time zone. */
export function receiptTime(at: number, timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00'
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`
}

const row = (label: string, value: string) => `${esc(label)} | ${esc(value)}`

/**
 * The title at 2x size (double width and height: its glyphs keep their shape —
 * double width alone looked squashed, double height alone stretched), so it
 * must stay within half the columns of 58 mm (16, eight CJK): the reprint mark
 * goes on its own line, in bold.
 */
function header(h: ReceiptHeader, title: string, reprint = false): string[] {
  const lines = [`^^${esc(h.storeName)}`, ...(h.headerLines ?? []).map(esc), `^^^${esc(title)}`]
  if (reprint) lines.push('"（重印）')
  if (h.demo) lines.push('"*** DEMO 演示 — 非真实交易 ***')
  // Label column 10 wide (five CJK), the value takes the rest: long order numbers stay on one line.
  lines.push('---', '{width:10 *}', row('收银台', h.counterId), row('收银员', h.cashier))
  return lines
}

function paidWith(method: PaymentMethod, paytype: string | undefined): string {
  return method === 'cash' ? METHOD.cash : `${PAYTYPE[paytype ?? ''] ?? paytype ?? ''} ${METHOD[method]}`.trim()
}

function sale(r: SaleReceipt, timeZone?: string): string[] {
  const lines = header(r.header, '销售小票', r.reprint)
  lines.push(row('单号', r.outTradeNo), row('时间', receiptTime(r.at, timeZone)), row('支付方式', paidWith(r.method, r.paytype)), '---')
  // Double height, not double width: a large total still fits 58 mm on one line.
  lines.push(`^^合计 | ^^${esc(receiptMoney(r.totalFen))}`)
  if (r.couponFen) lines.push(row('优惠', receiptMoney(-r.couponFen)), row('实付', receiptMoney(r.totalFen - r.couponFen)))
  if (r.cashGivenFen !== undefined) lines.push(row('实收现金', receiptMoney(r.cashGivenFen)), row('找零', receiptMoney(r.changeFen ?? 0)))
  if (r.transactionId) lines.push(row('交易号', r.transactionId))
  if (r.maskedCode) lines.push(row('付款码', r.maskedCode))
  lines.push('---', '{width:auto}', '退货请出示本小票', `{code:${r.outTradeNo.replace(/[\\|{};]/g, '')}; option:code128,2,48,nohri}`, esc(r.outTradeNo), '谢谢惠顾，欢迎再次光临')
  return lines
}

function refund(r: RefundReceipt, timeZone?: string): string[] {
  const lines = header(r.header, '退款凭证', r.reprint)
  lines.push(row('原单号', r.outTradeNo), row('退款单号', r.outRefundNo), row('时间', receiptTime(r.at, timeZone)), row('原支付方式', paidWith(r.method, r.paytype)), '---')
  lines.push(`^^退款金额 | ^^${esc(receiptMoney(r.refundFen))}`)
  if (r.approvedBy) lines.push(row('批准人', r.approvedBy))
  lines.push('---', '{width:auto}', '顾客签名:', '', '_                    ')
  return lines
}

const MOVEMENT: Record<CashMovementReceipt['movement'], string> = { paid_in: '零钱存入', paid_out: '现金支出', no_sale: '开钱箱（无销售）', sale: '现金收款', refund: '现金退款' }

function report(r: ReportReceipt, timeZone?: string): string[] {
  const lines = header(r.header, r.report === 'Z' ? '交班报表 (Z)' : '班中报表 (X)', r.reprint)
  // Report labels are longer (counts, denominations): a 16-column label; headings span the paper.
  const section = (name: string) => lines.push('{width:auto}', `"${esc(name)}`, '{width:16 *}')
  lines.push(row('班次', r.shiftId), row('开班', receiptTime(r.openedAt, timeZone)), row(r.closedAt ? '结班' : '打印', receiptTime(r.closedAt ?? r.at, timeZone)), '---', '{width:16 *}')
  lines.push(row(`收款 ${r.paid.count} 笔`, receiptMoney(r.paid.amountFen)), row(`退款 ${r.refunded.count} 笔`, receiptMoney(-r.refunded.amountFen)), `"净额 | "${esc(receiptMoney(r.netFen))}`, '---')
  section('钱包（不在钱箱内）')
  if (r.byPaytype.length === 0) lines.push(row('无', receiptMoney(0)))
  for (const p of r.byPaytype) lines.push(row(`${PAYTYPE[p.paytype] ?? p.paytype} ${p.paidCount} 笔`, receiptMoney(p.paidFen - p.refundedFen)))
  const c = r.cash
  lines.push('---')
  section('钱箱现金')
  lines.push(row('备用金', receiptMoney(c.floatFen)), row('现金收款', receiptMoney(c.salesFen)), row('现金退款', receiptMoney(-c.refundsFen)), row('零钱存入', receiptMoney(c.paidInFen)), row('现金支出', receiptMoney(-c.paidOutFen)))
  lines.push(row('无销售开箱', `${c.noSales} 次`), `"应有现金 | "${esc(receiptMoney(c.expectedFen))}`)
  if (c.count) {
    lines.push('---')
    section('点钞')
    for (const [fen, n] of Object.entries(c.count.pieces).sort((a, b) => Number(b[0]) - Number(a[0]))) if (n) lines.push(row(`${receiptMoney(Number(fen)).replace('.00', '')} × ${n}`, receiptMoney(Number(fen) * n)))
    const label = c.count.overShortFen > 0 ? '长款' : c.count.overShortFen < 0 ? '短款' : '长短款'
    lines.push(row('实点现金', receiptMoney(c.count.countedFen)), `"${label} | "${esc(receiptMoney(c.count.overShortFen))}`)
    // Handover: what went to the safe, and what stays in the drawer for the next shift.
    if (c.count.takenOutFen) lines.push(row('取出存入保险柜', receiptMoney(-c.count.takenOutFen)), row('留存下一班', receiptMoney(c.count.leftFen ?? c.count.countedFen - c.count.takenOutFen)))
  }
  if (r.report === 'Z') lines.push('---', '{width:auto}', '收银员签名:', '', '_                    ')
  return lines
}

const overShortLabel = (fen: number) => (fen > 0 ? '长款' : fen < 0 ? '短款' : '长短款')

/** 日结 (Z-style day receipt): the day's shifts, totals, wallets, the day's drawer, one block per operator. */
function day(r: DayReceipt, timeZone?: string): string[] {
  const lines = header(r.header, '日结报表 (Z)', r.reprint)
  const section = (name: string) => lines.push('---', '{width:auto}', `"${esc(name)}`, '{width:16 *}')
  lines.push(row('营业日', r.day), row('打印', receiptTime(r.at, timeZone)), row('班次数', String(r.shifts.length)))
  section('班次')
  for (const s of r.shifts) lines.push(row(`${s.cashier}`, `${receiptTime(s.openedAt, timeZone).slice(11, 16)}–${s.closedAt ? receiptTime(s.closedAt, timeZone).slice(11, 16) : '未结'}`))
  section('合计')
  lines.push(row(`收款 ${r.paid.count} 笔`, receiptMoney(r.paid.amountFen)), row(`退款 ${r.refunded.count} 笔`, receiptMoney(-r.refunded.amountFen)), `"净额 | "${esc(receiptMoney(r.netFen))}`)
  section('钱包（不在钱箱内）')
  if (r.byPaytype.length === 0) lines.push(row('无', receiptMoney(0)))
  for (const p of r.byPaytype) lines.push(row(`${PAYTYPE[p.paytype] ?? p.paytype} ${p.paidCount} 笔`, receiptMoney(p.paidFen - p.refundedFen)))
  const c = r.cash
  // One drawer through the day (electron/shifts/day-cash.ts): each line adds up to the next total.
  section('钱箱现金（全天）')
  lines.push(row('当日备用金', receiptMoney(c.openingFloatFen)))
  if (c.floatAddedFen) lines.push(row('交班时增减备用金', receiptMoney(c.floatAddedFen)))
  lines.push(row('现金收款', receiptMoney(c.salesFen)), row('现金退款', receiptMoney(-c.refundsFen)), row('零钱存入', receiptMoney(c.paidInFen)), row('现金支出', receiptMoney(-c.paidOutFen)))
  lines.push(row('现金收支合计', receiptMoney(c.netFen)))
  const before = c.takenOutFen - c.takenOutAtEndFen
  if (before) lines.push(row('交班存入保险柜', receiptMoney(-before)))
  lines.push(`"应有现金（日终） | "${esc(receiptMoney(c.expectedFen))}`)
  lines.push(row('实点现金（日终）', c.countedFen === null ? '未点钞' : receiptMoney(c.countedFen)))
  lines.push(`"${overShortLabel(c.overShortFen)}（各班合计） | "${esc(receiptMoney(c.overShortFen))}`)
  if (c.takenOutAtEndFen) lines.push(row('日终存入保险柜', receiptMoney(-c.takenOutAtEndFen)))
  if (c.leftFen !== null) lines.push(row('留存钱箱', receiptMoney(c.leftFen)))
  lines.push(row('存入保险柜合计', receiptMoney(c.takenOutFen)))
  if (c.uncountedShifts) lines.push('{width:auto}', `${c.uncountedShifts} 个班次结班未点钞`, '（按应有现金计）', '{width:16 *}')
  section('操作员')
  for (const o of r.operators) {
    lines.push('{width:auto}', `"${esc(o.operatorNo ? `${o.operatorNo} ${o.name}` : o.name)}`, '{width:16 *}')
    lines.push(row(`收款 ${o.salesCount} 笔`, receiptMoney(o.salesFen)), row('退款', receiptMoney(-o.refundsFen)))
    if (o.shiftsClosed) lines.push(row(`结班 ${o.shiftsClosed} 次 ${overShortLabel(o.overShortFen)}`, receiptMoney(o.overShortFen)))
  }
  lines.push('---', '{width:auto}', '店长签名:', '', '_                    ')
  return lines
}

function movement(r: CashMovementReceipt, timeZone?: string): string[] {
  const lines = header(r.header, MOVEMENT[r.movement], r.reprint)
  lines.push(row('编号', `M${r.id}`), row('时间', receiptTime(r.at, timeZone)), '---')
  if (r.movement !== 'no_sale') lines.push(`^^金额 | ^^${esc(receiptMoney(r.amountFen))}`)
  if (r.reason) lines.push(row('事由', r.reason))
  if (r.approvedBy) lines.push(row('批准人', r.approvedBy))
  lines.push('---', '{width:auto}', '经手人签名:', '', '_                    ')
  return lines
}

/** The whole document; every receipt ends with a cut (`=`). */
export function receiptDocument(r: Receipt, timeZone?: string): string {
  let lines: string[]
  if (r.kind === 'sale') lines = sale(r, timeZone)
  else if (r.kind === 'refund') lines = refund(r, timeZone)
  else if (r.kind === 'report') lines = report(r, timeZone)
  else if (r.kind === 'movement') lines = movement(r, timeZone)
  else if (r.kind === 'day') lines = day(r, timeZone)
  else lines = [...header(r.header, '打印测试页'), row('纸宽', `${r.width} mm`), row('时间', receiptTime(r.at, timeZone)), '{width:auto}', '中文打印正常：收银台 ￥1,234.56', 'ASCII 0123456789 ABCDEFGHIJ']
  return [...lines, '='].join('\n')
}
