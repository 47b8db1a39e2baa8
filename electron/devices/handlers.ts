// The devices:* calls of the contract, served by a DeviceService.
import type { Handlers } from '../core/dispatch'
import type { DeviceService } from './device-service'

export type DeviceHandlers = Pick<Handlers, 'devices:status' | 'devices:config' | 'devices:configure' | 'devices:list' | 'devices:wedgeScan'>

export function createDeviceHandlers(service: DeviceService): DeviceHandlers {
  return {
    'devices:status': () => service.status(),
    'devices:config': () => service.config(),
    'devices:configure': (req) => service.configure({ ...(req.scanner ? { scanner: req.scanner } : {}), ...(req.face ? { face: req.face } : {}) }),
    'devices:list': () => service.list(),
    'devices:wedgeScan': (req) => service.wedgeScan(req.code),
  }
}
