// Row 6: start-up. (a) Core ready: createCore in demo mode — journal opened and
// migrated, embedded sandbox up, recovery run — plus the browser harness
// listening, timed in this process (modules already loaded, as in the bundled
// app). (b) First paint of the UI in Chromium against that harness: the
// browser's first-contentful-paint and the moment the React app has rendered
// into #root, both from navigation start, each in a fresh browser context.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { createCore } from '../electron/core/create-core'
import { silentLogger } from '../electron/kernel/logger'
import { startHarness } from '../electron/harness/server'
import { tempDir } from './lib/gateway'

const WEB = resolve('out/web')
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export async function coreReadyTimes(runs: number): Promise<number[]> {
  const dir = tempDir('startup')
  const out: number[] = []
  try {
    for (let i = 0; i < runs; i++) {
      // Run 1 creates the journal; later runs reopen it with the orders of earlier runs.
      const t0 = performance.now()
      const core = await createCore({ userDataDir: dir.path, transport: 'browser', version: 'bench', log: silentLogger })
      const harness = await startHarness({ core, log: silentLogger, staticDir: WEB })
      out.push(performance.now() - t0)
      const r = await core.dispatch('payment:payByCode', { amountFen: 500, authCode: '134567890123459999' })
      if (!r.ok) throw new Error(`start-up bench: payment refused: ${r.error.message}`)
      await core.services.engine.idle()
      await harness.close()
      await core.close()
    }
  } finally {
    dir.remove()
  }
  return out
}

// Runs in the page before its own scripts (a string: this file is type-checked without DOM types).
// A MutationObserver, because requestAnimationFrame does not run before the first frame here.
const RENDER_PROBE = `
  const observer = new MutationObserver(() => {
    const root = document.getElementById('root')
    if (root && root.childElementCount > 0) {
      window.__rendered = performance.now()
      observer.disconnect()
    }
  })
  observer.observe(document, { childList: true, subtree: true })
`

export interface PaintSample {
  firstContentfulPaintMs: number
  appRenderedMs: number
}

export async function firstPaintTimes(runs: number): Promise<PaintSample[]> {
  if (!existsSync(resolve(WEB, 'index.html'))) throw new Error('out/web is missing: run `npm run build:web` first')
  const dir = tempDir('paint')
  const core = await createCore({ userDataDir: dir.path, transport: 'browser', version: 'bench', log: silentLogger })
  const harness = await startHarness({ core, log: silentLogger, staticDir: WEB })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const out: PaintSample[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      // When #root first gets content, relative to navigation start.
      await page.addInitScript({ content: RENDER_PROBE })
      await page.goto(harness.url, { waitUntil: 'load' })
      // Functions, not strings: the page's CSP forbids eval.
      await page.waitForFunction(() => (globalThis as { __rendered?: number }).__rendered !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0, undefined, {
        timeout: 15_000,
      })
      const sample: PaintSample = await page.evaluate(() => ({
        firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        appRenderedMs: (globalThis as { __rendered?: number }).__rendered ?? Number.NaN,
      }))
      out.push(sample)
      await context.close()
    }
  } finally {
    await browser.close()
    await harness.close()
    await core.close()
    dir.remove()
  }
  return out
}
