// Journal rows (as the outbox reads them) to the store's change shapes.
import type { OutboxEntry } from '../journal'
import type { Message } from '../shared/contract'
import { encodeMaybe, encodeMessage } from '../shared/stored-message'
import type { StoreChange } from '../store/changes'

/** `counterId`: this counter, the writer of its own operator and store-settings edits (a pulled row keeps its writer). */
export function toStoreChange(e: OutboxEntry, counterId = ''): StoreChange {
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
        operatorNo: r.operator_no ?? null,
      },
    }
  }
  if (e.kind === 'refund') {
    const r = e.row
    return { seq: e.seq, kind: 'refund', row: { outRefundNo: r.out_refund_no, outTradeNo: r.out_trade_no, amountFen: r.amount_fen, state: r.state, shiftId: r.shift_id, createdAt: r.created_at, updatedAt: r.updated_at, operatorNo: r.operator_no ?? null } }
  }
  if (e.kind === 'shift') {
    const r = e.row
    return {
      seq: e.seq,
      kind: 'shift',
      row: {
        shiftId: r.id,
        cashier: r.cashier,
        floatFen: r.float_fen,
        openedAt: r.opened_at,
        closedAt: r.closed_at,
        operatorNo: r.operator_no,
        closedBy: r.closed_by,
        closeApprover: r.close_approver,
        floatFromShift: r.float_from_shift,
        floatCarriedFen: r.float_carried_fen,
        floatCountedBy: r.float_counted_by,
        floatReason: r.float_reason,
      },
    }
  }
  if (e.kind === 'audit') {
    const r = e.row
    return { seq: e.seq, kind: 'audit', row: { auditId: r.id, at: r.at, call: r.call, ref: r.ref, outcome: r.outcome } }
  }
  return drawerOrSharedChange(e, counterId)
}

function drawerOrSharedChange(e: Exclude<OutboxEntry, { kind: 'order' | 'refund' | 'shift' | 'audit' }>, counterId: string): StoreChange {
  if (e.kind === 'cash') {
    const r = e.row
    return {
      seq: e.seq,
      kind: 'cash',
      row: {
        movementId: r.id,
        shiftId: r.shift_id,
        kind: r.kind as 'sale' | 'refund' | 'paid_in' | 'paid_out' | 'no_sale',
        amountFen: r.amount_fen,
        givenFen: r.given_fen,
        changeFen: r.change_fen,
        ref: r.ref,
        reason: r.reason,
        cashier: r.cashier,
        approvedBy: r.approved_by,
        at: r.at,
      },
    }
  }
  if (e.kind === 'count') {
    const r = e.row
    return {
      seq: e.seq,
      kind: 'count',
      row: { shiftId: r.shift_id, denominations: r.denominations, countedFen: r.counted_fen, expectedFen: r.expected_fen, overShortFen: r.over_short_fen, takenOutFen: r.taken_out_fen, approvedBy: r.approved_by, at: r.at },
    }
  }
  if (e.kind === 'op_audit') {
    const r = e.row
    return { seq: e.seq, kind: 'op_audit', row: { auditId: r.id, at: r.at, operatorNo: r.operator_no, action: r.action, outcome: r.outcome as 'ok' | 'refused', approverNo: r.approver_no, ref: r.ref, detail: auditDetail(r.detail) } }
  }
  if (e.kind === 'operator') {
    const r = e.row
    return {
      seq: e.seq,
      kind: 'operator',
      row: {
        operatorNo: r.operator_no,
        name: r.name,
        role: r.role as 'cashier' | 'supervisor' | 'manager',
        pinHash: r.pin_hash,
        active: r.active === 1,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        writer: r.updated_by || counterId,
      },
    }
  }
  const r = e.row
  return { seq: e.seq, kind: 'store_settings', row: { storeName: r.store_name, receiptHeader: r.receipt_header, overShortLimitFen: r.over_short_limit_fen, updatedAt: r.updated_at, writer: r.updated_by || counterId } }
}

/** The flag as message JSON; the store takes at most 1,000 characters, so an overlong one goes without its params. */
function storeAttention(m: Message | null): string | null {
  const text = encodeMaybe(m)
  return text !== null && text.length > 1_000 && m ? encodeMessage({ code: m.code }) : text
}

/** The store takes an operator audit detail of at most 4,000 characters; a longer one (never expected) goes as a marker, not a refused batch. */
function auditDetail(detail: string | null): string | null {
  return detail !== null && detail.length > 4_000 ? JSON.stringify({ truncated: true, length: detail.length }) : detail
}
