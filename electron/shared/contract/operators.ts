import { z } from 'zod'
import { call, Empty, NewPin, Pin, ShortText, Timestamp } from './define'

export const OperatorRole = z.enum(['cashier', 'supervisor', 'manager'])
export type OperatorRole = z.infer<typeof OperatorRole>

/** Every action the permission table (electron/operators/permissions.ts) knows. */
export const OperatorAction = z.enum([
  'sell',
  'stop',
  'shiftReport',
  'reprint',
  'openShift',
  'closeShift',
  'refund',
  'cashMovement',
  'noSale',
  'acknowledgeReview',
  'closeShiftWithDifference',
  'otherShiftReports',
  'daySummary',
  'storeReport',
  'operators',
  'settings',
  'liveMode',
  'journalRestore',
])
export type OperatorAction = z.infer<typeof OperatorAction>

/** Four digits, unique on the counter; sent as op_user_id. */
export const OperatorNo = z.string().regex(/^\d{4}$/, 'operator number: 4 digits')

/** Another operator (or the signed-in one) proves an action with their own number and PIN; both are recorded. */
export const Approval = z.strictObject({ operatorNo: OperatorNo, pin: Pin })
export type Approval = z.infer<typeof Approval>

export const SignedInOperator = z.object({ operatorNo: OperatorNo, name: z.string(), role: OperatorRole })
export type SignedInOperator = z.infer<typeof SignedInOperator>

export const OperatorStatus = z.object({
  /** False until the first manager exists: then the counter works as before (one supervisor PIN). */
  enabled: z.boolean(),
  signedIn: SignedInOperator.nullable(),
  /** Auto-lock after this many idle minutes (0 = never). */
  idleLockMinutes: z.int().min(0),
  /** Why the counter last locked by itself (shown on the lock screen), null otherwise. */
  lockedBy: z.enum(['key', 'idle', 'signOut']).nullable(),
})
export type OperatorStatus = z.infer<typeof OperatorStatus>

export const OperatorView = z.object({
  operatorNo: OperatorNo,
  name: z.string(),
  role: OperatorRole,
  active: z.boolean(),
  /** Locked out after too many wrong PINs (ms left, 0 = not). */
  lockedMs: z.int().min(0),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type OperatorView = z.infer<typeof OperatorView>

export const OperatorAuditEntry = z.object({
  id: z.int(),
  at: Timestamp,
  deviceId: z.string(),
  operatorNo: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'refused']),
  approverNo: z.string().nullable(),
  ref: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
})
export type OperatorAuditEntry = z.infer<typeof OperatorAuditEntry>

const Name = ShortText.min(1)

export const operatorsCalls = {
  /** `activity`: the cashier touched the screen (resets the idle auto-lock). */
  'operators:status': call(z.strictObject({ activity: z.boolean().optional() }), OperatorStatus),
  'operators:signIn': call(z.strictObject({ operatorNo: OperatorNo, pin: Pin }), OperatorStatus),
  'operators:lock': call(Empty, OperatorStatus),
  /**
   * The first manager, only while no operator exists (CONFLICT after). Signs them in.
   * Where a supervisor PIN was set in this run (no migration at start yet), it must be typed.
   */
  'operators:setupFirstManager': call(
    z.strictObject({ operatorNo: OperatorNo.default('0001'), name: Name, pin: NewPin, supervisorPin: Pin.optional() }),
    OperatorStatus,
  ),
  /** Manager: the signed-in one, or an approval. */
  'operators:list': call(z.strictObject({ approval: Approval.optional() }), z.array(OperatorView)),
  'operators:create': call(z.strictObject({ operatorNo: OperatorNo, name: Name, role: OperatorRole, pin: NewPin, approval: Approval.optional() }), OperatorView),
  'operators:update': call(
    z.strictObject({ operatorNo: OperatorNo, name: Name.optional(), role: OperatorRole.optional(), active: z.boolean().optional(), approval: Approval.optional() }),
    OperatorView,
  ),
  /** Your own PIN with `current`; a manager resets another's without it. */
  'operators:changePin': call(z.strictObject({ operatorNo: OperatorNo, current: Pin.optional(), next: NewPin, approval: Approval.optional() }), OperatorView),
  /** Manager. Newest first; `beforeId` pages back. */
  'operators:audit': call(
    z.strictObject({ limit: z.int().min(1).max(500).default(100), beforeId: z.int().min(1).optional(), approval: Approval.optional() }),
    z.array(OperatorAuditEntry),
  ),
  /** Manager. The audit between two times as CSV (UTF-8 with BOM, so spreadsheet apps read the Chinese). */
  'operators:auditCsv': call(
    z.strictObject({ fromAt: Timestamp.optional(), toAt: Timestamp.optional(), approval: Approval.optional() }),
    z.object({ filename: z.string(), csv: z.string(), rows: z.int().min(0) }),
  ),
}

export const operatorsEvents = {
  'operators:changed': OperatorStatus,
}

/** What a guarded call carries: the bare PIN it always had, and/or an approval. A plain string is a bare PIN. */
export interface Proof {
  pin?: string | undefined
  approval?: Approval | undefined
}
export type ProofInput = Proof | string | undefined

export function asProof(p: ProofInput): Proof {
  return typeof p === 'string' ? { pin: p } : (p ?? {})
}
