// After a journal is restored from a backup, orders made after that backup are
// missing from it — but the gateway may have taken money for them. The gateway
// cannot list orders (the spec has no bill download), so the only way is to ask
// about each number we can still find outside the restored journal:
// - numbers the caller passes (e.g. `orderNumbersFromLog` over the app's log
//   files, which sit beside the journal, not inside it, and name every gateway
//   call's out_trade_no);
// - audit rows of the restored journal itself that name an order it has no row for.
// Numbers cannot be guessed: out_trade_no carries the second it was made and two
// random characters (payments/ids.ts). Each number found is asked about (≤ rate);
// a paid one is booked paid and flagged; one still open at the gateway is
// reported (its amount is unknown to us until it is paid), not booked.
import { msg, type PayType } from '../shared/contract'
import type { EngineContext } from './context'
import { STEP } from './view'

/** orderquery needs a paytype; a number from the log has none, so the wallets are tried in turn. */
const PAY_TYPES_TO_TRY: readonly PayType[] = ['WECHAT', 'ALIPAY', 'UNIONPAY']

export interface LookupResult {
  outTradeNo: string
  /** What the gateway said: paid / refund → booked; anything else → nothing booked. */
  gateway: string
  booked: boolean
}

const LOG_NUMBER = /outTradeNo['"]?\s*[:=]\s*['"]([A-Za-z0-9_]{5,32})['"]/g

/** out_trade_no values named in log text (electron-log / JSON lines). */
export function orderNumbersFromLog(text: string): string[] {
  return [...new Set([...text.matchAll(LOG_NUMBER)].map((m) => m[1] as string))]
}

/** Finds orders the gateway knows but the journal does not, and books them. */
export async function findOrdersTheJournalLacks(ctx: EngineContext, candidates: readonly string[], ratePerSec = 5): Promise<LookupResult[]> {
  const { journal } = ctx.deps
  const fromAudit = journal.audit.refsWithoutOrder()
  const hints = new Map<string, string | null>(fromAudit.map((a) => [a.ref, a.paytype]))
  for (const c of candidates) if (!hints.has(c)) hints.set(c, null)

  const gapMs = 1000 / ratePerSec
  const out: LookupResult[] = []
  for (const [no, hint] of hints) {
    if (!/^[A-Za-z0-9_]{5,32}$/.test(no) || journal.orders.get(no)) continue
    let found: LookupResult = { outTradeNo: no, gateway: 'notFound', booked: false }
    const known = PAY_TYPES_TO_TRY.find((p) => p === hint)
    for (const paytype of known ? [known, ...PAY_TYPES_TO_TRY.filter((p) => p !== known)] : PAY_TYPES_TO_TRY) {
      await ctx.clock.sleep(gapMs)
      const q = await ctx.gateway.orderQuery({ paytype, outTradeNo: no })
      if (q.kind === 'notFound') continue
      found = { outTradeNo: no, gateway: q.kind, booked: false }
      if (q.kind === 'paid') {
        const now = ctx.clock.now()
        journal.orders.insert({ out_trade_no: no, method: 'code', paytype, amount_fen: q.totalFee, body: '（备份恢复后找回）', step: STEP.querying, auth_code_masked: null, cashier: '', shift_id: ctx.deps.shifts.currentId(), created_at: now })
        ctx.move(no, 'paid', { step: STEP.paid, transaction_id: q.transactionId, coupon_fen: q.couponFee ?? null, paid_at: now, attention: msg('ATTENTION_RESTORED_PAID') }, msg('RESTORE_LOOKUP_PAID'))
        found.booked = true
      }
      break
    }
    out.push(found)
  }
  return out
}
