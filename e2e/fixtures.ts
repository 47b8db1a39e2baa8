// The browser-harness fixture: every test gets a FRESH user-data folder, its own
// core (createCore) and harness (startHarness) in the test process, and a page
// opened on it. Torn down after the test, data folder included.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { createCore, type Core, type CoreOptions } from '../electron/core/create-core'
import { memoryLogger, type MemoryLogger } from '../electron/core/logger'
import { startHarness, type Harness } from '../electron/harness/server'

/** Options a test can set with `test.use({ coreOptions: {...} })` (e.g. faster poll schedules, sandbox faults). */
export type CoreOverrides = Partial<Omit<CoreOptions, 'userDataDir' | 'transport' | 'log'>>

export interface PosFixtures {
  coreOptions: CoreOverrides
  dataDir: string
  log: MemoryLogger
  core: Core
  harness: Harness
  /** The cashier page, already loaded with the shell rendered. */
  app: Page
}

export const test = base.extend<PosFixtures>({
  coreOptions: [{}, { option: true }],
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
    await harness.close()
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.url)
    await expect(page.getByTestId('header-version')).toContainText('v0.1.0-e2e')
    await use(page)
  },
})

/** Saves a full-page screenshot of a main screen into the test's output folder. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true })
}

export { expect }
