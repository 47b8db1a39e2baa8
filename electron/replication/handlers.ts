// The store:* calls of the contract, served by the replication service.
import type { Handlers } from '../core/dispatch'
import type { ReplicationService } from './service'

export type StoreHandlers = Pick<Handlers, 'store:status' | 'store:configure' | 'store:disconnect'>

export function createStoreHandlers(service: ReplicationService): StoreHandlers {
  return {
    'store:status': () => service.status(),
    'store:configure': (req) => service.configure(req.url, req.tls ?? false, req.pin),
    'store:disconnect': (req) => service.disconnect(req.pin),
  }
}
