// The store:* calls of the contract, served by the replication service.
import type { Handlers } from '../kernel/dispatch'
import { searchStoreOrders, storeDashboard } from '../store/queries'
import { storeReport } from '../store/reports'
import type { ReplicationService } from './service'

export type StoreHandlers = Pick<Handlers, 'store:status' | 'store:configure' | 'store:disconnect' | 'store:orders' | 'store:dashboard' | 'store:report'>

const DAY_MS = 24 * 3600_000
const BEIJING_MS = 8 * 3600_000

/** Midnight of today in Beijing time (the shop's day). */
export function beijingDayStart(now: number): number {
  return Math.floor((now + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS
}

export function createStoreHandlers(service: ReplicationService, now: () => number = Date.now): StoreHandlers {
  return {
    'store:orders': async (req) => ({ rows: await service.ask((pool) => searchStoreOrders(pool, { ...(req.text ? { text: req.text } : {}), ...(req.amountFen ? { amountFen: req.amountFen } : {}), limit: req.limit })) }),
    'store:dashboard': async () => {
      const at = now()
      return { ...(await service.ask((pool) => storeDashboard(pool, beijingDayStart(at), at))), at }
    },
    'store:report': (req) => service.ask((pool) => storeReport(pool, req.from, req.to)),
    'store:status': () => service.status(),
    'store:configure': (req) => service.configure(req.url, req.tls ?? false, { pin: req.pin, approval: req.approval }),
    'store:disconnect': (req) => service.disconnect({ pin: req.pin, approval: req.approval }),
  }
}
