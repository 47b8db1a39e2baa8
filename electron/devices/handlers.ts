// The devices:* calls of the contract, served by a DeviceService.
import type { Handlers } from '../kernel/dispatch'
import type { DeviceService } from './device-service'

export type DeviceHandlers = Pick<Handlers, 'devices:status' | 'devices:config' | 'devices:configure' | 'devices:setFaceSdkFolders' | 'devices:list' | 'devices:wedgeScan'>

export function createDeviceHandlers(service: DeviceService): DeviceHandlers {
  return {
    'devices:status': () => service.status(),
    'devices:config': () => ({ ...service.config(), faceSdkFolders: service.faceSdkFolders() }),
    'devices:configure': (req) =>
      service.configure({ ...(req.scanner ? { scanner: req.scanner } : {}), ...(req.face ? { face: req.face } : {}), ...(req.printer ? { printer: req.printer } : {}) }, { pin: req.pin, approval: req.approval }),
    'devices:setFaceSdkFolders': (req) => service.setFaceSdkFolders(req.folders, { pin: req.pin, approval: req.approval }),
    'devices:list': () => service.list(),
    'devices:wedgeScan': (req) => service.wedgeScan(req.code),
  }
}
