// Builds the whole core (plain Node, no Electron) and the handlers that serve
// the contract. Electron main and the browser harness both call createCore and
// attach their transport to `dispatch` and `bus`.
import type { AppInfo, AppMode } from '../shared/contract'
import { createDispatcher, type Dispatch, type Handlers } from './dispatch'
import { EventBus } from './event-bus'
import type { Logger } from './logger'

export interface CoreOptions {
  /** Folder for the journal and settings (Electron's userData, a temp dir in tests). */
  userDataDir: string
  transport: AppInfo['transport']
  version: string
  log: Logger
  /** Force a mode; default comes from settings (demo on a fresh install). */
  mode?: AppMode
  now?: () => number
}

export interface Core {
  dispatch: Dispatch
  bus: EventBus
  info(): AppInfo
  close(): Promise<void>
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? Date.now
  const startedAt = now()
  const bus = new EventBus(options.log)
  const mode: AppMode = options.mode ?? 'demo'
  const gatewayUrl = 'sandbox'

  const info = (): AppInfo => ({
    name: 'Counter',
    version: options.version,
    mode,
    transport: options.transport,
    platform: process.platform,
    gatewayUrl,
    startedAt,
  })

  const handlers: Partial<Handlers> = {
    'app:info': () => info(),
    'app:health': () => ({ ok: true, journal: 'ok', gateway: 'ok', openOrders: 0, attentionOrders: 0, checkedAt: now() }),
    'app:echo': (req) => ({ text: req.text }),
  }

  return {
    dispatch: createDispatcher(handlers, options.log),
    bus,
    info,
    close: async () => {},
  }
}
