// The operators the operator, handover, permission and walk specs create (the
// fixture's manager 0001 is in fixtures.ts), and the steps they share: signing
// in, a cash sale with change, counting the drawer.
import type { Page } from '@playwright/test'
import { expect, typeAmount } from './fixtures'

export const SUPERVISOR = { operatorNo: '0002', name: '李主管', role: 'supervisor', pin: '135792' } as const
export const CASHIER_A = { operatorNo: '0003', name: '张三', role: 'cashier', pin: '975312' } as const
export const CASHIER_B = { operatorNo: '0004', name: '李四', role: 'cashier', pin: '864213' } as const

/** Signs in on the lock screen (it must be showing). */
export async function signIn(app: Page, who: { operatorNo: string; pin: string }) {
  await expect(app.getByTestId('lock-screen')).toBeVisible()
  await app.getByTestId('lock-operator-no').fill(who.operatorNo)
  await app.getByTestId('lock-pin').fill(who.pin)
  await app.getByTestId('lock-sign-in').click()
  await expect(app.getByTestId('lock-screen')).toBeHidden()
  await expect(app.getByTestId('header-operator')).toHaveAttribute('data-operator', who.operatorNo)
}

/** Locks the counter from the header, then signs `who` in. */
export async function lockAndSignIn(app: Page, who: { operatorNo: string; pin: string }) {
  await app.getByTestId('header-lock').click()
  await signIn(app, who)
}

/** A cash sale (F5) of `yuan` with `given` handed over, paid. */
export async function cashSale(app: Page, yuan: string, given: string) {
  await app.keyboard.press('F9')
  await typeAmount(app, yuan)
  await app.keyboard.press('F5')
  await app.getByTestId('cash-given').fill(given)
  await app.getByTestId('cash-given').press('Enter')
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid')
}

/** Fills the drawer count: pieces per denomination in fen. */
export async function countDrawer(app: Page, pieces: Record<string, number>) {
  for (const [fen, n] of Object.entries(pieces)) await app.getByTestId(`count-${fen}`).fill(String(n))
}
