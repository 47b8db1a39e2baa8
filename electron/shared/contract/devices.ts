import { z } from 'zod'
import { Message } from './message'
import { Approval } from './operators'
import { call, Empty, PayType, Pin, Timestamp } from './define'

export const ScannerConfig = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('wedge') }),
  z.strictObject({
    kind: z.literal('hid'),
    vendorId: z.int().min(0).max(0xffff),
    productId: z.int().min(0).max(0xffff),
    /** 'keyboard' = 8-byte boot reports, 'pos' = HID POS usage page 0x8C. */
    protocol: z.enum(['keyboard', 'pos']),
  }),
  z.strictObject({
    kind: z.literal('serial'),
    path: z.string().min(1).max(256),
    baudRate: z.int().refine((b) => [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200].includes(b), 'unsupported baud rate'),
    terminator: z.enum(['CR', 'LF', 'CRLF', 'timeout']),
  }),
  z.strictObject({ kind: z.literal('simulated') }),
])
export type ScannerConfig = z.infer<typeof ScannerConfig>

export const FaceConfig = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('simulated') }),
  /** Native code: choosing it needs the supervisor PIN; the file must be in an allowed SDK folder and match `sha256` when given. */
  z.strictObject({ kind: z.literal('vendor'), libraryPath: z.string().min(1).max(512), sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).optional() }),
])
export type FaceConfig = z.infer<typeof FaceConfig>

/** ESC p m t1 t2: pin 2 (m=0) or 5 (m=1), on/off times in 2 ms units (default 1B 70 00 19 FA). */
export const DrawerPulseConfig = z.strictObject({ m: z.union([z.literal(0), z.literal(1)]), t1: z.int().min(1).max(255), t2: z.int().min(1).max(255) })
export const DEFAULT_DRAWER_PULSE_CONFIG = { m: 0, t1: 0x19, t2: 0xfa } as const

/** The receipt printer (and the drawer behind it): how to reach it, the paper, the drawer pulse, auto-print. */
export const PrinterConfig = z.strictObject({
  connection: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }),
    /** Demo: receipts are kept for the on-screen preview. */
    z.strictObject({ kind: z.literal('simulated') }),
    z.strictObject({ kind: z.literal('tcp'), host: z.string().min(1).max(253), port: z.int().min(1).max(65535).default(9100) }),
    z.strictObject({ kind: z.literal('serial'), path: z.string().min(1).max(256), baudRate: z.int().refine((b) => [9600, 19200, 38400, 57600, 115200].includes(b), 'unsupported baud rate') }),
    /** A USB printer through the OS printer queue in raw mode (CUPS queue on Linux, printer name on Windows). No control characters, quotes or leading dash. */
    z.strictObject({ kind: z.literal('spooler'), queue: z.string().min(1).max(128).refine((q) => !q.startsWith('-') && ![...q].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || `"'\``.includes(ch)), 'invalid printer queue name') }),
  ]),
  width: z.union([z.literal(58), z.literal(80)]).default(58),
  /** The cash drawer: kicked through the printer (its drawer port, the usual wiring) or on a serial port of its own. */
  drawer: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('printer') }),
      z.strictObject({ kind: z.literal('serial'), path: z.string().min(1).max(256), baudRate: z.int().refine((b) => [9600, 19200, 38400, 57600, 115200].includes(b), 'unsupported baud rate') }),
    ])
    .default({ kind: 'printer' }),
  drawerPulse: DrawerPulseConfig.default(DEFAULT_DRAWER_PULSE_CONFIG),
  /** Print the sale receipt by itself after every paid sale. */
  autoPrint: z.boolean().default(false),
})
export type PrinterConfig = z.infer<typeof PrinterConfig>

/** The device roles a counter has room for; the device service holds one slot per role it drives. */
export const DeviceRole = z.enum(['scanner', 'face', 'printer', 'drawer', 'customerDisplay'])
export type DeviceRole = z.infer<typeof DeviceRole>

export const DeviceStatus = z.object({
  device: DeviceRole,
  kind: z.string(),
  state: z.enum(['connected', 'connecting', 'disconnected', 'failed', 'disabled']),
  detail: Message,
  at: Timestamp,
})
export type DeviceStatus = z.infer<typeof DeviceStatus>

/** A scanned code. `paytype` is null when it is not a payment code (e.g. a product barcode). */
export const ScanSource = z.enum(['hid', 'serial', 'wedge', 'simulated'])
export const ScanRejectReason = z.enum(['control-chars', 'not-text', 'too-long', 'incomplete', 'glued', 'not-payment-code'])

export const ScanEvent = z.object({
  source: ScanSource,
  code: z.string().max(128),
  paytype: PayType.nullable(),
  at: Timestamp,
})
export type ScanEvent = z.infer<typeof ScanEvent>

export const ScanRejected = z.object({
  source: ScanSource,
  reason: ScanRejectReason,
  message: z.string(),
  at: Timestamp,
})
export type ScanRejected = z.infer<typeof ScanRejected>

export const devicesCalls = {
  'devices:status': call(Empty, z.array(DeviceStatus)),
  /** `faceSdkFolders`: where a vendor face SDK library may be loaded from. */
  'devices:config': call(Empty, z.object({ scanner: ScannerConfig, face: FaceConfig, printer: PrinterConfig, faceSdkFolders: z.array(z.string()) })),
  /** A face change to or from a vendor SDK (native code) needs the supervisor PIN. */
  'devices:configure': call(z.strictObject({ scanner: ScannerConfig.optional(), face: FaceConfig.optional(), printer: PrinterConfig.optional(), pin: Pin.optional(), approval: Approval.optional() }), z.array(DeviceStatus)),
  /** The supervisor sets the folders a face SDK library may come from (absolute paths). */
  'devices:setFaceSdkFolders': call(z.strictObject({ folders: z.array(z.string().min(1).max(512)).min(1).max(8), pin: Pin.optional(), approval: Approval.optional() }), z.array(z.string())),
  /** Candidate devices to pick from in settings. */
  'devices:list': call(
    Empty,
    z.object({
      hid: z.array(z.object({ vendorId: z.int(), productId: z.int(), product: z.string(), usagePage: z.int() })),
      serial: z.array(z.object({ path: z.string(), manufacturer: z.string() })),
    }),
  ),
  /** A scan typed/wedged in the renderer, reported so it takes the same path as device scans. */
  'devices:wedgeScan': call(z.strictObject({ code: z.string().max(256) }), ScanEvent),
}

export const devicesEvents = {
  'devices:scan': ScanEvent,
  'devices:rejected': ScanRejected,
  'devices:status': DeviceStatus,
}
