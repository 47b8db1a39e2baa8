// Every action in the permission table, for every role: allowed or refused
// with ROLE_REQUIRED naming the missing role — by the signed-in operator's own
// PIN and by another operator's approval. The expected table is written out
// here on purpose, so a change to permissions.ts must change this test too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PosFailure } from '../shared/result'
import { OperatorAction, type OperatorRole } from '../shared/contract/operators'
import { PERMISSIONS } from './permissions'
import { NOS, operatorKit, PINS } from '../test-support/operators-kit'

const EXPECTED: Record<OperatorRole, OperatorAction[]> = {
  cashier: ['sell', 'stop', 'shiftReport', 'reprint', 'openShift', 'closeShift'],
  supervisor: ['refund', 'cashMovement', 'noSale', 'acknowledgeReview', 'closeShiftWithDifference', 'otherShiftReports', 'daySummary', 'storeReport'],
  manager: ['operators', 'settings', 'liveMode', 'journalRestore'],
}
const ROLES: OperatorRole[] = ['cashier', 'supervisor', 'manager']
const RANK = { cashier: 1, supervisor: 2, manager: 3 }
const ROLE_OF_ACTION = new Map(ROLES.flatMap((r) => EXPECTED[r].map((a) => [a, r] as const)))
const ACTORS = { cashier: [NOS.cashier, PINS.cashier], supervisor: [NOS.supervisor, PINS.supervisor], manager: [NOS.manager, PINS.manager] } as const

// One staffed counter for the whole table (hashing PINs is slow on purpose); each case signs in afresh.
let kit: ReturnType<typeof operatorKit>
beforeAll(() => {
  kit = operatorKit()
  kit.staff()
})
afterAll(() => kit.close())

function refusal(f: () => unknown): PosFailure | null {
  try {
    f()
    return null
  } catch (e) {
    if (e instanceof PosFailure) return e
    throw e
  }
}

describe('the permission table', () => {
  it('lists exactly the actions the issue names, each at its role', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...OperatorAction.options].sort())
    for (const action of OperatorAction.options) expect([action, PERMISSIONS[action]]).toEqual([action, ROLE_OF_ACTION.get(action)])
  })

  for (const action of OperatorAction.options) {
    const needs = ROLE_OF_ACTION.get(action) as OperatorRole
    for (const role of ROLES) {
      const allowed = RANK[role] >= RANK[needs]
      it(`${action}: ${role} signed in with their own PIN is ${allowed ? 'allowed' : `refused (needs ${needs})`}`, () => {
        const [no, pin] = ACTORS[role]
        kit.service.signIn(no, pin)
        const r = refusal(() => kit.service.authorize(action, { pin }))
        if (allowed) expect(r).toBeNull()
        else expect({ code: r?.code, params: r?.params }).toEqual({ code: 'ROLE_REQUIRED', params: { role: needs, action } })
      })
      it(`${action}: a cashier at the counter, approved by a ${role}, is ${allowed ? 'allowed (both recorded)' : 'refused'}`, () => {
        kit.service.signIn(NOS.cashier2, PINS.cashier2)
        const [no, pin] = ACTORS[role]
        const approval = { operatorNo: no, pin }
        if (allowed) {
          const actor = kit.service.authorize(action, { approval })
          expect(actor.operatorNo).toBe(NOS.cashier2)
          expect(actor.approverNo).toBe(needs === 'cashier' ? null : no) // cashier actions need no approval
        } else {
          const r = refusal(() => kit.service.authorize(action, { approval }))
          expect({ code: r?.code, params: r?.params }).toEqual({ code: 'ROLE_REQUIRED', params: { role: needs, action } })
        }
      })
    }
    it(`${action}: nobody signed in → COUNTER_LOCKED`, () => {
      kit.service.lock()
      expect(refusal(() => kit.service.authorize(action, { approval: { operatorNo: NOS.manager, pin: PINS.manager } }))?.code).toBe('COUNTER_LOCKED')
    })
  }
})
