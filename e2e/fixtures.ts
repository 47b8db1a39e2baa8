// The browser-harness fixture: every test gets a FRESH user-data folder, its own
// core (createCore) and harness (startHarness) in the test process, and a page
// opened on it. Torn down after the test, data folder included.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { createCore, type Core, type CoreOptions } from '../electron/core/create-core'
import { memoryLogger, type MemoryLogger } from '../electron/kernel/logger'
import { startHarness, type Harness } from '../electron/harness/server'
import { scaledPolicy } from '../electron/payments/policy'
import { groupThousands } from '../electron/shared/money'
import type { CallName, CallRequest, CallResponse } from '../electron/shared/contract'
import type { Result } from '../electron/shared/result'

/** Options a test can set with `test.use({ coreOptions: {...} })` (e.g. faster poll schedules, sandbox faults). */
export type CoreOverrides = Partial<Omit<CoreOptions, 'userDataDir' | 'transport' | 'log'>>

/** The suite's default core options: policy ×0.1, sandbox delays × `sandboxTimeScale` (0.2 by default). */
export function fastCore(sandboxTimeScale = 0.2): CoreOverrides {
  // The sandbox answers from this test process: on a heavily loaded machine a loopback answer can
  // take seconds, so the client waits 30 s (no e2e scenario relies on the client's timeout).
  return { paymentPolicy: scaledPolicy(0.1), sandbox: { timeScale: sandboxTimeScale }, gatewayTimeoutMs: 30_000 }
}

export interface PosFixtures {
  coreOptions: CoreOverrides
  /** true: the page opens on a fresh install's first-run setup; false (default): setup already finished (demo). */
  firstRun: boolean
  /**
   * true (default): before the page loads, a manager (E2E_MANAGER) is set up and signed in through
   * core calls, so the counter is unlocked as every spec before operators expected. false: no operator
   * (the page sees a counter without operators, or whatever the test's core brings).
   */
  signedIn: boolean
  dataDir: string
  log: MemoryLogger
  core: Core
  harness: Harness
  /** The cashier page, already loaded with the shell rendered. */
  app: Page
}

export const test = base.extend<PosFixtures>({
  // Fast by default: the engine's poll/cancel schedule at 1/10 (WeChat gives up after 4.5 s)
  // and the sandbox's delays at 1/5 (the password prompt takes 2 s).
  coreOptions: [fastCore(), { option: true }],
  firstRun: [false, { option: true }],
  signedIn: [true, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'counter-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
  // eslint-disable-next-line no-empty-pattern
  log: async ({}, use) => {
    await use(memoryLogger())
  },
  core: async ({ dataDir, log, coreOptions }, use) => {
    const core = await createCore({ version: '0.1.0-e2e', ...coreOptions, userDataDir: dataDir, transport: 'browser', log })
    await use(core)
    await core.close()
  },
  harness: async ({ core, log }, use) => {
    const harness = await startHarness({ core, log, staticDir: resolve('out/web') })
    await use(harness)
    // The browser may still hold keep-alive connections: drop them so close() does not wait on them.
    harness.server.closeAllConnections()
    await harness.close()
  },
  app: async ({ page, harness, core, firstRun, signedIn }, use) => {
    if (!firstRun) await core.dispatch('settings:setupDone', {})
    // Refused when the test's core cannot have one (journal problem, unreadable secrets, operators
    // migrated from a supervisor PIN): then the test finds the counter as its core left it.
    if (signedIn) await core.dispatch('operators:setupFirstManager', { operatorNo: E2E_MANAGER.operatorNo, name: E2E_MANAGER.name, pin: E2E_MANAGER.pin })
    await page.goto(harness.url)
    await expect(page.getByTestId('header-version')).toContainText('v0.1.0-e2e')
    await use(page)
  },
})

/** The manager the `app` fixture signs in (unless `signedIn: false`). */
export const E2E_MANAGER = { operatorNo: '0001', name: '王店长', pin: '314159' } as const

/** A contract call straight into the test's core (setup and cross-checks), typed from the contract. */
export function call<K extends CallName>(core: Core, name: K, request: CallRequest<K>): Promise<Result<CallResponse<K>>> {
  return core.dispatch(name, request) as Promise<Result<CallResponse<K>>>
}

/** Saves a full-page screenshot of a main screen into the test's output folder. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

/** Types an amount on the keypad by keyboard (focus on the page, not a field). */
export async function typeAmount(page: Page, yuan: string): Promise<void> {
  await page.locator('body').click({ position: { x: 5, y: 400 } })
  await page.keyboard.press('Delete')
  for (const ch of yuan) await page.keyboard.press(ch)
  await expect(page.getByTestId('amount')).toHaveText(`¥${groupThousands(yuan)}`)
}

/** Arms the scan method (Enter) and enters a payment code in the manual field. */
export async function payByTypedCode(page: Page, code: string): Promise<void> {
  await page.keyboard.press('Enter')
  await page.getByTestId('manual-code').fill(code)
  await page.getByTestId('manual-code').press('Enter')
}

/** Payment-code "card numbers" of the sandbox (last 4 digits pick the behaviour). */
export const CODES = {
  wechatInstant: '134567890123459999',
  wechatPassword: '134567890123450001',
  wechatNeverPays: '134567890123450002',
  wechatInsufficient: '134567890123450003',
  wechatExpired: '134567890123450004',
  alipayInstant: '284567890123459999',
} as const

export { expect }
