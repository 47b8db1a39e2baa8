// Screenshot helpers for moving parts: antd drawers, modals and toasts animate
// in, and a picture taken mid-slide shows a half-transparent, cut-off panel.
import type { Locator, Page } from '@playwright/test'
import { snap, test } from './fixtures'

interface PageGlobals {
  document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] }
}

/** Resolves once no finite CSS animation or transition is running (spinners loop forever and are ignored). */
export async function still(page: Page): Promise<void> {
  // Runs in the page; typed by hand because the node tsconfig has no DOM types (and the CSP forbids string eval).
  await page.waitForFunction(() =>
    (globalThis as unknown as PageGlobals).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  )
}

/** `snap` after the page has stopped moving. */
export async function snapStill(page: Page, name: string): Promise<void> {
  await still(page)
  await snap(page, name)
}

/** A picture of one element in full (e.g. a drawer's scrolled body), after the page has stopped moving. */
export async function snapElement(locator: Locator, name: string): Promise<void> {
  await still(locator.page())
  await locator.screenshot({ path: test.info().outputPath(`${name}.png`) })
}
