// The Electron transport, generated from the contract: one ipcMain.handle per
// call name and one webContents.send per event, never written per call.
// Each request is answered only for the main frame of one of our windows
// showing our own page; anything else gets FORBIDDEN and a log line and never
// reaches the core. The core's dispatch validates the payload (zod) and always
// answers with a Result.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { Core } from '../core/create-core'
import type { Logger } from '../kernel/logger'
import { calls, type CallName } from '../shared/contract'
import { CUSTOMER_CALLS, CUSTOMER_EVENTS } from '../shared/customer-slice'
import { fail, type Result } from '../shared/result'
import type { AppOrigin } from './app-origin'

export interface IpcOptions {
  core: Pick<Core, 'dispatch' | 'bus'>
  origin: AppOrigin
  /** The webContents we trust (AppWindows.contents()). */
  trusted: () => WebContents[]
  /** The customer display's webContents: it may use the read-only customer slice only. */
  customer?: () => WebContents | null
  log: Logger
}

/** Why a sender is refused, or null when it is one of ours. */
export function refuseSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, options: Pick<IpcOptions, 'origin' | 'trusted'>): string | null {
  const contents = event.sender
  if (!options.trusted().includes(contents)) return 'not one of our windows'
  const frame = event.senderFrame
  if (!frame) return 'frame is gone'
  const main = contents.mainFrame
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return 'not the main frame'
  if (!options.origin.isAppUrl(frame.url)) return 'page is not our app'
  return null
}

/** Registers every contract call and forwards every core event. Returns a function that undoes both. */
export function registerIpc(options: IpcOptions): () => void {
  const { core, log } = options
  const names = Object.keys(calls) as CallName[]
  for (const name of names) {
    ipcMain.handle(name, async (event, payload: unknown): Promise<Result<unknown>> => {
      const reason = refuseSender(event, options)
      if (reason) {
        log.warn('ipc: sender refused', { call: name, reason, url: (event.senderFrame?.url ?? '').slice(0, 200) })
        return fail('FORBIDDEN', `refused: ${reason}`)
      }
      if (event.sender === options.customer?.() && !CUSTOMER_CALLS.has(name)) {
        log.warn('ipc: call refused for the customer display', { call: name })
        return fail('FORBIDDEN', 'refused: not for the customer display')
      }
      return core.dispatch(name, payload)
    })
  }
  const unsubscribe = core.bus.subscribe((name, payload) => {
    const customer = options.customer?.() ?? null
    for (const contents of options.trusted()) {
      // The customer display gets only its mirror events (no raw scans, no settings of devices…).
      if (contents === customer && !CUSTOMER_EVENTS.has(name)) continue
      // Only to a page that is ours right now (a crashed or foreign page gets nothing).
      if (!contents.isDestroyed() && options.origin.isAppUrl(contents.getURL())) contents.send(name, payload)
    }
  })
  return () => {
    for (const name of names) ipcMain.removeHandler(name)
    unsubscribe()
  }
}
