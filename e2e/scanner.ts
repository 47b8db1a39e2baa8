// A keyboard-wedge scanner for e2e: keys go to the browser through CDP all at
// once (not one awaited round trip each), stamped with a scanner's own timing
// (8 ms apart). A real scanner's keys carry the OS's timestamps however late
// the page handles them; this does the same, so the test does not depend on
// how fast this machine delivers keys. `busyMs` blocks the page's main thread
// (a busy loop) while the keys arrive.
import type { Page } from '@playwright/test'

const GAP_S = 0.008

function keyEvents(key: string, at: number): Record<string, unknown>[] {
  const enter = key === 'Enter'
  const down = enter
    ? { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' }
    : { type: 'keyDown', key, code: /\d/.test(key) ? `Digit${key}` : '', windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0), text: key }
  return [
    { ...down, timestamp: at },
    { type: 'keyUp', key, code: down.code, windowsVirtualKeyCode: down.windowsVirtualKeyCode, timestamp: at + 0.002 },
  ]
}

export interface WedgeScanOptions {
  /** Block the page's main thread this long, starting just before the keys arrive. */
  busyMs?: number
  /** Deliver (and let the page handle) this many keys before the block starts: the block lands mid-scan. */
  beforeBlock?: number
}

/** Scans `code` + Enter as a wedge scanner would. */
export async function wedgeScan(page: Page, code: string, opts: WedgeScanOptions = {}): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const keys = [...code, 'Enter']
  const t0 = Date.now() / 1000
  const events = keys.map((k, i) => keyEvents(k, t0 + i * GAP_S))
  const send = (list: Record<string, unknown>[][]) => Promise.all(list.flat().map((e) => cdp.send('Input.dispatchKeyEvent', e as never)))
  const split = opts.beforeBlock ?? 0
  if (split > 0) await send(events.slice(0, split))
  // The busy loop starts as the page's next task, before the keys below can reach it.
  if (opts.busyMs) await page.evaluate(blockMainThreadSoon, opts.busyMs)
  await send(events.slice(split))
  await cdp.detach()
}

/** Runs in the page: schedules a busy loop, remembered in `window.__busy` (performance.now() times). */
function blockMainThreadSoon(ms: number): void {
  setTimeout(() => {
    const start = performance.now()
    while (performance.now() < start + ms) {
      // the page is busy (a long render, a slow script)
    }
    ;(globalThis as unknown as { __busy: { start: number; end: number } }).__busy = { start, end: performance.now() }
  }, 0)
}

/** Records when each keydown happened (its timestamp) and when the page got to handle it. Call before the app loads. */
export async function recordKeyHandling(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type KeyEvent = { key: string; timeStamp: number }
    const w = globalThis as unknown as { __keys: { key: string; at: number; handled: number }[]; addEventListener(type: string, fn: (e: KeyEvent) => void, opts: { capture: boolean }): void }
    w.__keys = []
    w.addEventListener('keydown', (e) => w.__keys.push({ key: e.key, at: e.timeStamp, handled: performance.now() }), { capture: true })
  })
}

/** How many keys arrived while the page was blocked and were handled only after (proof the block overlapped the scan). */
export async function keysHeldByBusyPage(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = globalThis as unknown as { __keys?: { at: number; handled: number }[]; __busy?: { start: number; end: number } }
    const busy = w.__busy
    if (!busy || !w.__keys) return 0
    return w.__keys.filter((k) => k.at < busy.end && k.handled >= busy.end).length
  })
}
