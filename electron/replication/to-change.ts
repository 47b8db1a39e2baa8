// Journal rows (as the outbox reads them) to the store's change shapes.
import type { OutboxEntry } from '../journal'
import type { Message } from '../shared/contract'
import { encodeMaybe, encodeMessage } from '../shared/stored-message'
import type { StoreChange } from '../store/changes'

export function toStoreChange(e: OutboxEntry): StoreChange {
  if (e.kind === 'order') {
    const r = e.row
    return {
      seq: e.seq,
      kind: 'order',
      row: {
        outTradeNo: r.out_trade_no,
        method: r.method,
        paytype: r.paytype,
        amountFen: r.amount_fen,
        state: r.state,
        refundedFen: r.refunded_fen,
        cashier: r.cashier,
        shiftId: r.shift_id,
        transactionId: r.transaction_id,
        attention: storeAttention(r.attention),
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        paidAt: r.paid_at,
      },
    }
  }
  if (e.kind === 'refund') {
    const r = e.row
    return { seq: e.seq, kind: 'refund', row: { outRefundNo: r.out_refund_no, outTradeNo: r.out_trade_no, amountFen: r.amount_fen, state: r.state, shiftId: r.shift_id, createdAt: r.created_at, updatedAt: r.updated_at } }
  }
  if (e.kind === 'shift') {
    const r = e.row
    return { seq: e.seq, kind: 'shift', row: { shiftId: r.id, cashier: r.cashier, floatFen: r.float_fen, openedAt: r.opened_at, closedAt: r.closed_at } }
  }
  const r = e.row
  return { seq: e.seq, kind: 'audit', row: { auditId: r.id, at: r.at, call: r.call, ref: r.ref, outcome: r.outcome } }
}

/** The flag as message JSON; the store takes at most 1,000 characters, so an overlong one goes without its params. */
function storeAttention(m: Message | null): string | null {
  const text = encodeMaybe(m)
  return text !== null && text.length > 1_000 && m ? encodeMessage({ code: m.code }) : text
}
