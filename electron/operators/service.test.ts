// Sign-in, per-operator lockout, idle lock, approvals and the shared
// supervisor PIN, and the append-only audit with its CSV.
import { afterEach, describe, expect, it } from 'vitest'
import { PIN_LOCKOUT_STEPS_MS } from '../settings/pin'
import { codeOf, NOS, operatorKit, PINS } from '../test-support/operators-kit'

let kit: ReturnType<typeof operatorKit>
afterEach(() => kit?.close())

describe('before the first manager', () => {
  it('works as before: cashier actions need nobody, the rest the supervisor PIN', () => {
    kit = operatorKit({ supervisorPin: '808182' })
    expect(kit.service.status().enabled).toBe(false)
    expect(kit.service.authorize('sell').via).toBe('noOperators')
    expect(codeOf(() => kit.service.authorize('refund', { pin: '111111' }))).toBe('PIN_INVALID')
    expect(kit.service.authorize('refund', { pin: '808182' }).via).toBe('supervisorPin')
    expect(codeOf(() => kit.service.signIn('0001', '808182'))).toBe('NOT_CONFIGURED')
  })

  it('the first manager: only once, weak PINs refused, the supervisor PIN asked when one exists', () => {
    kit = operatorKit({ supervisorPin: '808182' })
    expect(codeOf(() => kit.accounts.setupFirstManager({ operatorNo: '0001', name: '店长', pin: PINS.manager }))).toBe('PIN_REQUIRED')
    expect(codeOf(() => kit.accounts.setupFirstManager({ operatorNo: '0001', name: '店长', pin: '123456', supervisorPin: '808182' }))).toBe('PIN_WEAK')
    const s = kit.accounts.setupFirstManager({ operatorNo: '0001', name: '店长', pin: PINS.manager, supervisorPin: '808182' })
    expect(s).toMatchObject({ enabled: true, signedIn: { operatorNo: '0001', role: 'manager' } })
    expect(codeOf(() => kit.accounts.setupFirstManager({ operatorNo: '0009', name: 'x', pin: PINS.manager, supervisorPin: '808182' }))).toBe('CONFLICT')
  })

  it('migration: the supervisor PIN hash becomes manager 0001, who signs in with that PIN', () => {
    kit = operatorKit({ supervisorPin: '808182' })
    expect(kit.accounts.migrateSupervisorPin(null)).toBe(false)
    const hash = kit.supervisorHash()
    expect(kit.accounts.migrateSupervisorPin(hash)).toBe(true)
    expect(kit.accounts.migrateSupervisorPin(hash)).toBe(false) // once
    expect(kit.service.status()).toMatchObject({ enabled: true, signedIn: null })
    expect(kit.service.signIn('0001', '808182').signedIn).toMatchObject({ operatorNo: '0001', role: 'manager' })
  })
})

describe('signed in', () => {
  it('sign-in, handover to another cashier, lock; wrong or unknown numbers say the same thing', () => {
    kit = operatorKit()
    kit.staff()
    expect(kit.service.signIn(NOS.cashier, PINS.cashier).signedIn?.name).toBe('收银员甲')
    expect(kit.service.signIn(NOS.cashier2, PINS.cashier2).signedIn?.name).toBe('收银员乙')
    expect(codeOf(() => kit.service.signIn('0999', PINS.cashier))).toBe('PIN_INVALID')
    expect(codeOf(() => kit.service.signIn(NOS.cashier, '111111'))).toBe('PIN_INVALID')
    expect(kit.service.current()?.operatorNo).toBe(NOS.cashier2) // a failed sign-in changes nobody
    expect(kit.service.lock()).toMatchObject({ signedIn: null, lockedBy: 'key' })
    expect(codeOf(() => kit.service.requireSignedIn())).toBe('COUNTER_LOCKED')
    // A cashier made inactive cannot sign in (same words as a wrong PIN).
    kit.service.signIn(NOS.manager, PINS.manager)
    kit.accounts.update({ operatorNo: NOS.cashier, active: false })
    expect(codeOf(() => kit.service.signIn(NOS.cashier, PINS.cashier))).toBe('PIN_INVALID')
  })

  it('lockout is per operator and escalates; another operator is not affected', () => {
    kit = operatorKit()
    kit.staff()
    kit.service.lock()
    for (let i = 0; i < 4; i++) expect(codeOf(() => kit.service.signIn(NOS.cashier, '111111'))).toBe('PIN_INVALID')
    expect(codeOf(() => kit.service.signIn(NOS.cashier, '111111'))).toBe('PIN_LOCKED')
    expect(codeOf(() => kit.service.signIn(NOS.cashier, PINS.cashier))).toBe('PIN_LOCKED') // even the right one
    expect(kit.service.signIn(NOS.cashier2, PINS.cashier2).signedIn?.operatorNo).toBe(NOS.cashier2)
    // The same lock holds for approvals by that operator.
    expect(codeOf(() => kit.service.authorize('sell', {}))).toBeNull()
    kit.advance(PIN_LOCKOUT_STEPS_MS[0] as number)
    expect(kit.service.signIn(NOS.cashier, PINS.cashier).signedIn?.operatorNo).toBe(NOS.cashier)
    // Five more wrong: the second lock is longer (15 min), 5 min is not enough.
    kit.service.lock()
    for (let i = 0; i < 5; i++) codeOf(() => kit.service.signIn(NOS.supervisor, '111111'))
    kit.advance(PIN_LOCKOUT_STEPS_MS[0] as number)
    expect(codeOf(() => kit.service.signIn(NOS.supervisor, PINS.supervisor))).toBeNull() // supervisor's first lock: 5 min
    const audit = kit.service.audit.list({ limit: 100 })
    expect(audit.filter((a) => a.action === 'signIn' && a.outcome === 'refused').length).toBe(11)
    expect(JSON.stringify(audit)).not.toMatch(/111111|975312|scrypt/)
  })

  it('auto-locks after the idle minutes; activity keeps it open; 0 = never', () => {
    kit = operatorKit({ idleMinutes: 5 })
    kit.staff()
    kit.advance(4 * 60_000)
    expect(kit.service.status(true).signedIn).not.toBeNull()
    kit.advance(4 * 60_000)
    kit.service.checkIdle()
    expect(kit.service.status().signedIn).not.toBeNull()
    kit.advance(60_001)
    kit.service.checkIdle()
    expect(kit.service.status()).toMatchObject({ signedIn: null, lockedBy: 'idle' })
    kit.setIdle(0)
    kit.service.signIn(NOS.cashier, PINS.cashier)
    kit.advance(10 * 3600_000)
    expect(kit.service.current()?.operatorNo).toBe(NOS.cashier)
  })

  it('approval: a cashier refunds with a supervisor typing their own number + PIN; both recorded', () => {
    kit = operatorKit()
    kit.staff()
    kit.service.signIn(NOS.cashier, PINS.cashier)
    expect(codeOf(() => kit.service.guard('refund', { pin: PINS.cashier }, { ref: 'T1' }))).toBe('ROLE_REQUIRED')
    expect(codeOf(() => kit.service.guard('refund', { approval: { operatorNo: NOS.cashier2, pin: PINS.cashier2 } }, { ref: 'T1' }))).toBe('ROLE_REQUIRED')
    expect(codeOf(() => kit.service.guard('refund', { approval: { operatorNo: NOS.supervisor, pin: '111111' } }, { ref: 'T1' }))).toBe('PIN_INVALID')
    const actor = kit.service.guard('refund', { approval: { operatorNo: NOS.supervisor, pin: PINS.supervisor } }, { ref: 'T1', detail: { amountFen: 100 } })
    expect(actor).toEqual({ operatorNo: NOS.cashier, approverNo: NOS.supervisor, via: 'approval' })
    const rows = kit.service.audit.list({ limit: 10 }).filter((a) => a.action === 'refund')
    expect(rows.map((r) => [r.outcome, r.operatorNo, r.approverNo, r.detail?.code ?? null])).toEqual([
      ['ok', NOS.cashier, NOS.supervisor, null],
      ['refused', NOS.cashier, NOS.supervisor, 'PIN_INVALID'],
      ['refused', NOS.cashier, NOS.cashier2, 'ROLE_REQUIRED'],
      ['refused', NOS.cashier, null, 'ROLE_REQUIRED'],
    ])
  })

  it('the shared supervisor PIN, while set, still approves (recorded without a person); a supervisor may use their own', () => {
    kit = operatorKit({ supervisorPin: '808182' })
    kit.staff()
    kit.service.signIn(NOS.cashier, PINS.cashier)
    expect(kit.service.authorize('refund', { pin: '808182' })).toEqual({ operatorNo: NOS.cashier, approverNo: null, via: 'supervisorPin' })
    kit.service.signIn(NOS.supervisor, PINS.supervisor)
    expect(kit.service.authorize('refund', { pin: PINS.supervisor }).via).toBe('ownPin')
    expect(codeOf(() => kit.service.authorize('refund', { pin: '' }))).toBe('PIN_REQUIRED')
  })

  it('managers: operators list with confirm=false; the last manager cannot be demoted; a PIN reset clears a lock', () => {
    kit = operatorKit()
    kit.staff()
    expect(kit.accounts.list().map((o) => [o.operatorNo, o.role])).toEqual([['0001', 'manager'], ['0002', 'supervisor'], ['0003', 'cashier'], ['0004', 'cashier']])
    expect(codeOf(() => kit.accounts.update({ operatorNo: NOS.manager, role: 'cashier' }))).toBe('CONFLICT')
    expect(codeOf(() => kit.accounts.create({ operatorNo: NOS.cashier, name: 'x', role: 'cashier', pin: '864213' }))).toBe('CONFLICT')
    for (let i = 0; i < 5; i++) codeOf(() => kit.service.verifyOperator(NOS.cashier, '111111'))
    expect(kit.accounts.list().find((o) => o.operatorNo === NOS.cashier)?.lockedMs).toBeGreaterThan(0)
    kit.accounts.changePin({ operatorNo: NOS.cashier, next: '314159' })
    expect(kit.service.signIn(NOS.cashier, '314159').signedIn?.operatorNo).toBe(NOS.cashier)
    expect(codeOf(() => kit.accounts.list())).toBe('ROLE_REQUIRED')
    expect(codeOf(() => kit.accounts.changePin({ operatorNo: NOS.cashier, current: '314159', next: '271828' }))).toBeNull()
  })

  it('the audit is append-only, and its CSV has every row, quoted, no PIN', () => {
    kit = operatorKit()
    kit.staff()
    kit.service.signIn(NOS.cashier, PINS.cashier)
    expect(() => kit.journal.db.prepare(`UPDATE operator_audit SET outcome = 'ok'`).run()).toThrow(/append-only/)
    expect(() => kit.journal.db.prepare(`DELETE FROM operator_audit`).run()).toThrow(/append-only/)
    kit.service.audit.record({ action: 'settings', outcome: 'ok', operatorNo: NOS.manager, detail: { fields: '=storeName,"x"', pin: '246813' } })
    const { csv, rows } = kit.service.audit.csv(undefined, undefined)
    expect(rows).toBe(kit.service.audit.list({ limit: 500 }).length)
    expect(csv.startsWith('\uFEFFid,time,counter,operator,action')).toBe(true)
    expect(csv).toContain(`"{""fields"":""=storeName,\\""x\\""""}"`)
    expect(csv).not.toMatch(/246813|975312/)
  })
})
