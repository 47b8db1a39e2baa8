// Which adapter or camera a configuration means. The service takes these as
// options so tests can swap in mock-bound serial ports or a fake library path.
import { HidScannerAdapter } from '../../native-bridge/scanners/hid-adapter'
import { SerialScannerAdapter } from '../../native-bridge/scanners/serial-adapter'
import { SimulatedScannerAdapter, SimulatedScannerDevice } from '../../native-bridge/scanners/simulated-adapter'
import type { ScannerAdapter } from '../../native-bridge/scanners/types'
import { SimulatedFaceCamera } from '../../native-bridge/face/simulated-camera'
import { VendorFaceCamera } from '../../native-bridge/face/vendor-camera'
import type { FaceCamera } from '../../native-bridge/face/types'
import type { FaceConfig, ScannerConfig } from '../shared/contract'

export type DeviceScannerConfig = Exclude<ScannerConfig, { kind: 'wedge' }>

export interface AdapterFactories {
  scanner(config: DeviceScannerConfig): ScannerAdapter
  /** `preflight`: the library check to run before every worker start (vendor cameras must use it). */
  face(config: Exclude<FaceConfig, { kind: 'none' }>, preflight: () => { path: string; sha256: string }): FaceCamera
}

/** The one simulated scanner of this process (demo mode, harness, e2e). */
export const simulatedScanner = new SimulatedScannerDevice()

export const defaultAdapterFactories: AdapterFactories = {
  scanner(config) {
    switch (config.kind) {
      case 'hid':
        return new HidScannerAdapter(config)
      case 'serial':
        return new SerialScannerAdapter(config)
      case 'simulated':
        return new SimulatedScannerAdapter(simulatedScanner)
    }
  },
  face(config, preflight) {
    return config.kind === 'vendor' ? new VendorFaceCamera({ libraryPath: config.libraryPath, preflight }) : new SimulatedFaceCamera()
  },
}
