// Candidate scanners for the settings screen. Never throws: a missing driver
// or permission problem just means an empty list.
import HID from 'node-hid'
import { SerialPort } from 'serialport'

export interface DeviceList {
  hid: { vendorId: number; productId: number; product: string; usagePage: number }[]
  serial: { path: string; manufacturer: string }[]
}

export async function listScannerDevices(): Promise<DeviceList> {
  const [hid, serial] = await Promise.all([
    HID.devicesAsync().catch(() => []),
    SerialPort.list().catch(() => []),
  ])
  return {
    hid: hid.map((d) => ({ vendorId: d.vendorId, productId: d.productId, product: d.product ?? '', usagePage: d.usagePage ?? 0 })),
    serial: serial.map((p) => ({ path: p.path, manufacturer: p.manufacturer ?? '' })),
  }
}
