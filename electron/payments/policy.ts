// When to query, when to give up and cancel, how to retry a cancel. A plain
// object so tests can shrink it and the benchmark can compare it with the
// wallets' own practice (a fixed 5 s interval).
import type { PayMethod, PayType } from '../shared/contract'

export interface QueryPhase {
  /** This phase applies while the last query happened before `untilMs` (measured from the pay call). */
  untilMs: number
  everyMs: number
}

export interface PaymentPolicy {
  /** First query after a "paying" answer, from the pay call. */
  firstQueryMs: number
  /** First query after an unknown answer (timeout, system error): WeChat asks for ~5 s. */
  firstQueryAfterUnknownMs: number
  /** Dense early, sparser later. The last phase repeats until the deadline. */
  phases: QueryPhase[]
  /** Never two queries closer than this (e.g. after a slow query). */
  minGapMs: number
  /** How long we wait for the customer, from the pay call, per wallet; then a last query and a cancel. */
  deadlineMs: Record<PayType, number>
  /** QR (pre-order) payments: the customer has to open the app and scan first. */
  qrDeadlineMs: number
  /** WeChat: don't reverse sooner than 15 s after the pay call (measured as in `earliestCancelAt`). */
  minCancelAfterMs: number
  /** Added to the 15 s: clocks, and the gateway logging the pay request late. */
  cancelMarginMs: number
  /** Longest a pay call can take (the client's timeout): when its end is unknown (crash), the gateway may have received it this late. */
  payCallMaxMs: number
  /** The gateway cancels only orders younger than 5 minutes; older ones need a refund. */
  cancelWindowMs: number
  /** Backoff between cancel attempts that answered retry/unknown; the last value repeats. */
  cancelRetryMs: number[]
  /** Refund follow-up (PROCESSING/NOTSURE/unknown): refundquery at these offsets, then every last value. */
  refundQueryMs: number[]
  /** Stop following a refund actively after this long; it is flagged for review and rechecked on demand. */
  refundFollowUpMs: number
}

export const DEFAULT_POLICY: PaymentPolicy = {
  firstQueryMs: 3_000,
  firstQueryAfterUnknownMs: 5_000,
  // Confirmations land anywhere from ~3 s to ~40 s after the scan: a query every
  // 1.95 s keeps the detection delay under 2 s with at most 20 queries by 40 s.
  phases: [
    { untilMs: 40_000, everyMs: 1_950 },
    { untilMs: Number.POSITIVE_INFINITY, everyMs: 5_000 },
  ],
  minGapMs: 500,
  deadlineMs: { WECHAT: 45_000, ALIPAY: 60_000, UNIONPAY: 60_000, JDPAY: 60_000, QQ: 45_000, BESTPAY: 60_000 },
  qrDeadlineMs: 120_000,
  minCancelAfterMs: 15_000,
  cancelMarginMs: 1_000,
  payCallMaxMs: 10_000,
  cancelWindowMs: 5 * 60_000,
  cancelRetryMs: [1_000, 2_000, 4_000, 8_000, 15_000],
  refundQueryMs: [2_000, 5_000, 10_000, 20_000],
  refundFollowUpMs: 120_000,
}

/** A copy of the default scaled by `factor` (tests and e2e: 0.01 turns 45 s into 450 ms). */
export function scaledPolicy(factor: number, base: PaymentPolicy = DEFAULT_POLICY): PaymentPolicy {
  const s = (ms: number) => (Number.isFinite(ms) ? Math.max(1, Math.round(ms * factor)) : ms)
  return {
    firstQueryMs: s(base.firstQueryMs),
    firstQueryAfterUnknownMs: s(base.firstQueryAfterUnknownMs),
    phases: base.phases.map((p) => ({ untilMs: s(p.untilMs), everyMs: s(p.everyMs) })),
    minGapMs: s(base.minGapMs),
    deadlineMs: Object.fromEntries(Object.entries(base.deadlineMs).map(([k, v]) => [k, s(v)])) as Record<PayType, number>,
    qrDeadlineMs: s(base.qrDeadlineMs),
    minCancelAfterMs: s(base.minCancelAfterMs),
    cancelMarginMs: s(base.cancelMarginMs),
    payCallMaxMs: s(base.payCallMaxMs),
    cancelWindowMs: s(base.cancelWindowMs),
    cancelRetryMs: base.cancelRetryMs.map(s),
    refundQueryMs: base.refundQueryMs.map(s),
    refundFollowUpMs: s(base.refundFollowUpMs),
  }
}

/** The wallets' published practice, for comparison in the benchmark: a query every 5 s. */
export function fixedIntervalPolicy(everyMs = 5_000, base: PaymentPolicy = DEFAULT_POLICY): PaymentPolicy {
  return { ...base, firstQueryMs: everyMs, firstQueryAfterUnknownMs: everyMs, phases: [{ untilMs: Number.POSITIVE_INFINITY, everyMs }] }
}

export function deadlineFor(policy: PaymentPolicy, method: PayMethod, paytype: PayType | null): number {
  if (method === 'qr') return policy.qrDeadlineMs
  return policy.deadlineMs[paytype ?? 'WECHAT']
}

/**
 * Offset (from the pay call) of the next query, given the offset of the last
 * one (null before the first) and whether the pay answer was unknown.
 */
export function nextQueryOffset(policy: PaymentPolicy, lastOffsetMs: number | null, afterUnknown = false): number {
  if (lastOffsetMs === null) return afterUnknown ? policy.firstQueryAfterUnknownMs : policy.firstQueryMs
  const phase = policy.phases.find((p) => lastOffsetMs < p.untilMs) ?? policy.phases[policy.phases.length - 1]
  return lastOffsetMs + (phase?.everyMs ?? 5_000)
}

/** All query offsets before the deadline (for tests, docs and the benchmark). */
export function querySchedule(policy: PaymentPolicy, deadlineMs: number): number[] {
  const out: number[] = []
  for (let t = nextQueryOffset(policy, null); t < deadlineMs; t = nextQueryOffset(policy, t)) out.push(t)
  return out
}

export function cancelBackoff(policy: PaymentPolicy, attempt: number): number {
  const list = policy.cancelRetryMs
  return list[Math.min(attempt, list.length - 1)] ?? 1_000
}

/**
 * The earliest moment a cancel may leave the counter. The gateway receives the
 * pay request somewhere between our send and its answer (a slow first TLS
 * connection can take seconds), so the 15 s count from the pay call's END: a
 * cancel sent then can never reach the gateway sooner than 15 s after the pay
 * request did. Without a known end (a crash mid-call), from the send plus the
 * longest a pay call may take.
 */
export function earliestCancelAt(policy: PaymentPolicy, submittedAt: number, payEndedAt: number | null): number {
  const received = payEndedAt !== null ? Math.max(payEndedAt, submittedAt) : submittedAt + policy.payCallMaxMs
  return received + policy.minCancelAfterMs + policy.cancelMarginMs
}
