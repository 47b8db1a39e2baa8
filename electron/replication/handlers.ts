// The store:* calls of the contract, served by the replication service.
import type { Handlers } from '../kernel/dispatch'
import { searchStoreOrders, storeDashboard } from '../store/queries'
import { storeReport } from '../store/reports'
import { beijingDayStart } from '../shared/beijing-day'
import type { Approval } from '../shared/contract'
import type { ReplicationService } from './service'

export type StoreHandlers = Pick<Handlers, 'store:status' | 'store:configure' | 'store:disconnect' | 'store:orders' | 'store:dashboard' | 'store:report'>

export { beijingDayStart }

type Proof = { pin?: string | undefined; approval?: Approval | undefined }
/** The store report is a supervisor+ view like the counter's day summary (permissions.ts `storeReport`). */
export type ReportGuard = (proof: Proof, ref: string) => void

export function createStoreHandlers(service: ReplicationService, guard: ReportGuard, now: () => number = Date.now): StoreHandlers {
  return {
    'store:orders': async (req) => ({ rows: await service.ask((pool) => searchStoreOrders(pool, { ...(req.text ? { text: req.text } : {}), ...(req.amountFen ? { amountFen: req.amountFen } : {}), limit: req.limit })) }),
    'store:dashboard': async () => {
      const at = now()
      return { ...(await service.ask((pool) => storeDashboard(pool, beijingDayStart(at), at))), at }
    },
    'store:report': (req) => {
      guard({ pin: req.pin, approval: req.approval }, `${req.from}-${req.to}`)
      return service.ask((pool) => storeReport(pool, req.from, req.to))
    },
    'store:status': () => service.status(),
    'store:configure': (req) => service.configure(req.url, req.tls ?? false, { pin: req.pin, approval: req.approval }),
    'store:disconnect': (req) => service.disconnect({ pin: req.pin, approval: req.approval }),
  }
}
