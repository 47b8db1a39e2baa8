// Scanner / face camera: live status, configuration, the last scan (for the test box).
import { create } from 'zustand'
import { asProof, type DeviceStatus, type FaceConfig, type PrinterConfig, type ProofInput, type ScanEvent, type ScannerConfig, type ScanRejected } from '../../../electron/shared/contract'
import type { PosError, Result } from '../../../electron/shared/result'

type Device = DeviceStatus['device']

interface DevicesState {
  status: Partial<Record<Device, DeviceStatus>>
  config: { scanner: ScannerConfig; face: FaceConfig; printer: PrinterConfig; faceSdkFolders: string[] } | null
  lastScan: ScanEvent | null
  lastRejected: ScanRejected | null
  /** Serial ports the system lists (choices for a serial scanner). */
  serialPaths: string[]
  error: PosError | null
  load(): Promise<void>
  listPorts(): Promise<void>
  configure(change: { scanner?: ScannerConfig; face?: FaceConfig; printer?: PrinterConfig }, proof?: ProofInput): Promise<Result<DeviceStatus[]>>
  /** A code typed or wedged in the renderer; goes through the same path as device scans. */
  wedgeScan(code: string): Promise<Result<ScanEvent>>
  /** The folders a vendor face SDK may be loaded from (supervisor PIN). */
  setFaceSdkFolders(folders: string[], proof: ProofInput): Promise<Result<string[]>>
}

function keepStatus(list: DeviceStatus[]) {
  useDevicesStore.setState((s) => ({ status: { ...s.status, ...Object.fromEntries(list.map((d) => [d.device, d])) } }))
}

export const useDevicesStore = create<DevicesState>()(() => ({
  status: {},
  config: null,
  lastScan: null,
  lastRejected: null,
  serialPaths: [],
  error: null,
  async load() {
    const [status, config] = await Promise.all([window.pos.devices.status({}), window.pos.devices.config({})])
    if (status.ok) keepStatus(status.value)
    useDevicesStore.setState(config.ok ? { config: config.value, error: status.ok ? null : status.error } : { error: config.error })
  },
  async listPorts() {
    const r = await window.pos.devices.list({})
    if (r.ok) useDevicesStore.setState({ serialPaths: r.value.serial.map((s) => s.path) })
  },
  async configure(change, proof) {
    const r = await window.pos.devices.configure({ ...change, ...asProof(proof) })
    if (r.ok) {
      keepStatus(r.value)
      const config = await window.pos.devices.config({})
      if (config.ok) useDevicesStore.setState({ config: config.value })
    }
    return r
  },
  async setFaceSdkFolders(folders, proof) {
    const r = await window.pos.devices.setFaceSdkFolders({ folders, ...asProof(proof) })
    if (r.ok) {
      const config = await window.pos.devices.config({})
      if (config.ok) useDevicesStore.setState({ config: config.value })
    }
    return r
  },
  async wedgeScan(code) {
    const r = await window.pos.devices.wedgeScan({ code })
    if (r.ok) useDevicesStore.setState({ lastScan: r.value })
    return r
  },
}))

window.pos.onDevicesStatus((d) => keepStatus([d]))
window.pos.onDevicesScan((scan) => useDevicesStore.setState({ lastScan: scan }))
window.pos.onDevicesRejected((rejected) => useDevicesStore.setState({ lastRejected: rejected }))

/** True when a face camera is configured (the face button is shown). */
export function faceConfigured(config: DevicesState['config']): boolean {
  return config !== null && config.face.kind !== 'none'
}
