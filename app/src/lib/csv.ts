// CSV export of shift reports (a Blob download in the browser).
import type { ShiftReport } from '../../../electron/shared/contract'
import { formatFen } from '../../../electron/shared/money'

/** Quotes a cell when it holds a comma, quote or newline; neutralises formula prefixes for spreadsheets. */
export function csvCell(value: string | number): string {
  let text = String(value)
  if (/^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** One row per figure: section, key, count, amount (yuan text, exact). */
export function reportRows(report: ShiftReport): (string | number)[][] {
  const rows: (string | number)[][] = [['section', 'item', 'count', 'amount_yuan']]
  rows.push(['shift', 'id', '', report.shift.id])
  rows.push(['shift', 'cashier', '', report.shift.cashier])
  rows.push(['shift', 'report', '', report.kind])
  rows.push(['shift', 'opened_at', '', new Date(report.shift.openedAt).toISOString()])
  if (report.shift.closedAt !== null) rows.push(['shift', 'closed_at', '', new Date(report.shift.closedAt).toISOString()])
  rows.push(['shift', 'generated_at', '', new Date(report.generatedAt).toISOString()])
  rows.push(['total', 'float', '', formatFen(report.shift.floatFen)])
  rows.push(['total', 'paid', report.paid.count, formatFen(report.paid.amountFen)])
  rows.push(['total', 'refunded', report.refunded.count, formatFen(report.refunded.amountFen)])
  rows.push(['total', 'net', '', formatFen(report.netFen)])
  rows.push(['total', 'expected', '', formatFen(report.expectedFen)])
  rows.push(['total', 'cancelled', report.cancelled, ''])
  rows.push(['total', 'failed', report.failed, ''])
  for (const p of report.byPaytype) {
    rows.push(['paytype_paid', p.paytype, p.paid.count, formatFen(p.paid.amountFen)])
    rows.push(['paytype_refunded', p.paytype, p.refunded.count, formatFen(p.refunded.amountFen)])
  }
  for (const m of report.byMethod) rows.push(['method_paid', m.method, m.paid.count, formatFen(m.paid.amountFen)])
  const c = report.cash
  if (c) {
    rows.push(['drawer', 'cash_sales', c.sales.count, formatFen(c.sales.amountFen)])
    rows.push(['drawer', 'cash_refunds', c.refunds.count, formatFen(c.refunds.amountFen)])
    rows.push(['drawer', 'paid_in', c.paidIn.count, formatFen(c.paidIn.amountFen)])
    rows.push(['drawer', 'paid_out', c.paidOut.count, formatFen(c.paidOut.amountFen)])
    rows.push(['drawer', 'no_sale', c.noSales, ''])
    rows.push(['drawer', 'expected', '', formatFen(c.expectedFen)])
    if (c.count) {
      for (const [fen, n] of Object.entries(c.count.pieces)) rows.push(['drawer_count', formatFen(Number(fen)), n ?? 0, formatFen(Number(fen) * (n ?? 0))])
      rows.push(['drawer', 'counted', '', formatFen(c.count.countedFen)])
      rows.push(['drawer', 'over_short', '', c.count.overShortFen < 0 ? `-${formatFen(-c.count.overShortFen)}` : formatFen(c.count.overShortFen)])
    }
  }
  // The reason as its code (spreadsheets sort and filter by it); an old sentence as it was.
  for (const a of report.attention) rows.push([a.refund ? 'attention_refund' : 'attention', a.outTradeNo, '', a.reason.code === 'LEGACY_TEXT' ? String(a.reason.params?.['text'] ?? '') : a.reason.code])
  return rows
}

export function reportCsv(report: ShiftReport): string {
  // BOM so spreadsheet programs on Windows read the Chinese text as UTF-8.
  return '\uFEFF' + toCsv(reportRows(report))
}
