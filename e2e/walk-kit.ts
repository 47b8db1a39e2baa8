// Helpers of walk.spec.ts: screenshots at both counter sizes into test-results/walk/
// (with the sideways-overflow check), signing in on the lock screen, a paid panel.
import { mkdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { still } from './still'

export { SUPERVISOR, CASHIER_A as CASHIER, signIn } from './operators-kit'
const DIR = 'test-results/walk'

/** A viewport-sized PNG after animations settle. */
export async function shot(page: Page, name: string) {
  mkdirSync(DIR, { recursive: true })
  await still(page)
  await page.screenshot({ path: `${DIR}/${name}.png` })
}

/** The page at 1366×768 and at 1024×768 (screenshots of both), left at 1024×768; nothing sticks out sideways. */
export async function shots(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 768 })
  await shot(page, `${name}-1366`)
  await expectOneRow(page, '.header > *:visible', `${name}: the header in one row at 1366`)
  await expectOneRow(page, '.methods > .method', `${name}: the methods and 补打小票 in one row at 1366`)
  await page.setViewportSize({ width: 1024, height: 768 })
  await shot(page, `${name}-1024`)
  await expectOneRow(page, '.header > *:visible', `${name}: the header in one row at 1024`)
  const overflow = await page.locator('html').evaluate((e) => e.scrollWidth - e.clientWidth)
  expect(overflow, `${name}: nothing sticks out sideways at 1024×768`).toBeLessThanOrEqual(0)
}

/** The panel says paid, for this amount. */
export async function paid(app: Page, amount: string) {
  await expect(app.getByTestId('payment-panel')).toHaveAttribute('data-state', 'paid', { timeout: 15_000 })
  await expect(app.getByTestId('panel-amount')).toHaveText(amount)
}

/** The elements (when there are any) sit in one row: their vertical middles within a few pixels. */
async function expectOneRow(page: Page, selector: string, what: string) {
  const middles = await page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => r.top + r.height / 2))
  if (middles.length === 0) return
  expect(Math.max(...middles) - Math.min(...middles), what).toBeLessThan(12)
}
