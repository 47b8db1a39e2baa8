// Test support: a core's contract calls as a test writes them (the value, or
// the refusal's code and params), and a counter staffed with one operator per
// role (numbers and PINs from operators-kit.ts), as the shifts tests use it.
import { NOS, PINS } from './operators-kit'
import type { TestCore } from './payments-kit'

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string; params?: Record<string, string> } }

/** The call's value; a refusal throws (with its code). */
export async function ok<T>(p: Promise<Answer>): Promise<T> {
  const r = await p
  if (!r.ok) throw new Error(`refused: ${r.error?.code} ${r.error?.message}`)
  return r.value as T
}

/** 'ok', or the refusal's code and params. */
export async function refusal(p: Promise<Answer>): Promise<{ code: string | undefined; params?: Record<string, string> | undefined }> {
  const r = await p
  return r.ok ? { code: 'ok' } : { code: r.error?.code, params: r.error?.params }
}

/** Manager 0001 (set up and signed in), a supervisor and two cashiers. */
export async function staff(c: TestCore): Promise<void> {
  await ok(c.dispatch('operators:setupFirstManager', { name: '店长', pin: PINS.manager }))
  await ok(c.dispatch('operators:create', { operatorNo: NOS.supervisor, name: '主管', role: 'supervisor', pin: PINS.supervisor }))
  await ok(c.dispatch('operators:create', { operatorNo: NOS.cashier, name: '收银员甲', role: 'cashier', pin: PINS.cashier }))
  await ok(c.dispatch('operators:create', { operatorNo: NOS.cashier2, name: '收银员乙', role: 'cashier', pin: PINS.cashier2 }))
}

export const signIn = (c: TestCore, no: string, pin: string) => ok(c.dispatch('operators:signIn', { operatorNo: no, pin }))
