// Builds the whole core (plain Node, no Electron) and the handlers that serve
// the contract. Electron main and the browser harness both call createCore and
// attach their transport to `dispatch` and `bus`.
import type { CheckpointPolicy } from '../journal/checkpoint'
import { createGatewayClient } from '../gateway'
import { startSandboxGateway, type SandboxGateway } from '../gateway/sandbox/server'
import { DEMO_MERCHANT } from '../gateway/sandbox/demo'
import type { GatewayAuditEntry, GatewayClient } from '../gateway/types'
import type { Journal } from '../journal'
import { realClock, type Clock } from '../payments/clock'
import { PaymentEngine } from '../payments/engine'
import { DEFAULT_POLICY, type PaymentPolicy } from '../payments/policy'
import type { FacePort } from '../payments/ports'
import { RefundService } from '../payments/refunds'
import { SettingsService, type GatewayConfig } from '../settings/service'
import { ShiftService } from '../shifts/service'
import { asProof, type AppInfo, type ProofInput } from '../shared/contract'
import { AuthinfoCache } from '../../native-bridge/face/authinfo-cache'
import { DEFAULT_DEVICES_CONFIG, DeviceService, type DeviceServiceOptions } from '../devices/device-service'
import { createFacePort } from '../devices/face-port'
import { createDeviceHandlers } from '../devices/handlers'
import { journalHealth, watchJournal } from './journal-watch'
import { onKeptWriteFlushed } from '../payments/context'
import { Reconciler } from '../payments/reconcile'
import { reconcileHandlers } from '../payments/reconcile-handlers'
import { createStoreHandlers } from '../replication/handlers'
import { storeSettingsHandlers } from '../replication/store-settings'
import { ReplicationService } from '../replication/service'
import { storeRefundPort } from '../replication/store-refund-port'
import type { StoreRefundPort } from '../payments/ports'
import { OperatorService } from '../operators/service'
import { OperatorAccounts } from '../operators/manage'
import { createOperatorHandlers } from '../operators/handlers'
import { createDispatcher, type CoreHandlers, type Dispatch } from '../kernel/dispatch'
import { EventBus } from '../kernel/event-bus'
import type { DomainServices } from './handlers'
import { ordersHandlers, paymentHandlers } from '../payments/handlers'
import { shiftsHandlers } from '../shifts/handlers'
import { shiftReportAccess } from '../shifts/report-access'
import { dayHandlers } from '../shifts/day-handlers'
import { DaySummaries } from '../shifts/day'
import { settingsHandlers } from '../settings/handlers'
import type { Logger } from '../kernel/logger'
import { openGuarded, type GateHooks, type JournalControl, NO_JOURNAL_CONTROL } from './journal-gate'
import type { SecretStore } from '../kernel/secrets'
import { CashService } from '../cash/service'
import { cashHandlers, cashRefundRoute, printingHandlers } from '../cash/handlers'
import { PrintingService } from '../printing/service'

export interface CoreOptions {
  /** Folder for the journal and settings (Electron's userData, a temp dir in tests). */
  userDataDir: string
  transport: AppInfo['transport']
  version: string
  log: Logger
  /** Encrypted store in the app (safeStorage); a 0600 file otherwise. */
  secrets?: SecretStore
  clock?: Clock
  /** Shrunken in tests and e2e (see payments/policy.ts scaledPolicy). */
  paymentPolicy?: PaymentPolicy
  /** The embedded demo sandbox: time scale and test controls. */
  sandbox?: { timeScale?: number; enableControl?: boolean }
  gatewayTimeoutMs?: number
  /** The face camera; by default the device service's camera (simulated in demo). */
  face?: () => FacePort | null
  /** Device adapters to swap (the Electron app spawns the face worker with utilityProcess). */
  deviceAdapters?: DeviceServiceOptions['adapters']
  /** Use this gateway instead of the one settings pick (tests and benchmarks with an external sandbox). */
  gateway?: GatewayConfig
  /** How often orders and refunds flagged `review` are asked about again by themselves (default 10 min; 0 = never). */
  reviewSweepMs?: number
  /** Journal backups while orders change (default hourly; they are also taken at every shift close). */
  backupEveryMs?: number
  /** When the keeper checkpoints the WAL between sales (journal/checkpoint.ts; tests hold it off to damage a WAL that holds sales). */
  journalCheckpoint?: Partial<CheckpointPolicy>
  /** Reconciliation's bound on gateway queries per second (default 5; raised in tests). */
  reconcileRatePerSec?: number
  /** How often open store refund reservations are settled (default 1 min). */
  reservationSweepMs?: number
  /** Faster replication timings (tests, benchmarks). */
  replicationTuning?: ConstructorParameters<typeof ReplicationService>[0]['tuning']
  /** Called after each gateway call is audited (crash tests kill the process here). */
  onGatewayCall?: (entry: GatewayAuditEntry) => void
  /** Printer connection, status timing and the print queue's retry delays (tests). */
  printing?: { slot?: DeviceServiceOptions['printer']; backoff?: { firstMs: number; maxMs: number } }
}

export interface Core {
  dispatch: Dispatch
  bus: EventBus
  info(): AppInfo
  services: DomainServices & { sandbox: SandboxGateway | null; gateway: () => GatewayClient; devices: DeviceService; reconciler: Reconciler; replication: ReplicationService; cash: CashService; printing: PrintingService }
  /** The journal's start-up check, backups and the ways out of a journal problem (journal-gate.ts). */
  journal: JournalControl
  close(): Promise<void>
}

/** Checks the journal first (journal-gate.ts): a journal that is missing, replaced, rolled back or damaged starts no sales. */
export function createCore(options: CoreOptions): Promise<Core> {
  return openGuarded(options, (journal, hooks) => buildCore(options, journal, hooks))
}

async function buildCore(options: CoreOptions, journal: Journal, hooks: GateHooks): Promise<Core> {
  const clock = options.clock ?? realClock
  const startedAt = clock.now()
  const log = options.log
  const bus = new EventBus(log)
  const secrets = hooks.secrets
  // Kept writes flushed later hand the order back to the engine (bound once it exists).
  let flushed: (key: string) => void = () => {}
  const writes = watchJournal(journal, bus, clock, log, (key) => flushed(key))
  const settings = new SettingsService(journal, secrets, (v) => bus.emit('settings:changed', v), clock.now)
  const damagedSettings = settings.damagedFields()
  if (damagedSettings.length > 0) log.warn('settings: stored values unreadable, their defaults apply until saved again', { fields: damagedSettings.join(',') })
  const shifts = new ShiftService(journal, clock.now, (s) => bus.emit('shifts:changed', s))
  const deviceId = () => settings.terminal().deviceId
  const operators = new OperatorService({
    repo: journal.operators,
    supervisorPin: settings.pin,
    deviceId,
    idleLockMinutes: () => settings.idleLockMinutes(),
    now: clock.now,
    onChange: (s) => bus.emit('operators:changed', s),
    log,
  })
  const accounts = new OperatorAccounts({ repo: journal.operators, service: operators, supervisorPin: settings.pin, deviceId, now: clock.now, firstManagerRefused: () => settings.firstPinRefused() })
  try {
    // The single supervisor PIN of an older counter becomes manager 0001 (same hash).
    if (accounts.migrateSupervisorPin(secrets.get('pinHash'))) log.info('operators: supervisor PIN migrated to manager 0001')
  } catch (e) {
    log.warn('operators: supervisor PIN not migrated (secrets unreadable)', { error: e instanceof Error ? e.message : String(e) })
  }
  // Settings, devices and the store database: the manager's (PIN, own PIN or approval), audited with what changed.
  settings.useGuard((action, proof, detail) => operators.guard(action, proof, { detail }))
  const settingsGuard = (what: string) => (pin: ProofInput) => void operators.guard('settings', asProof(pin), { detail: { what } })
  // Who is at the counter: the signed-in operator's name and number (op_user_id) on every sale.
  const terminal = () => {
    const t = settings.terminal()
    const me = operators.current()
    return me ? { ...t, cashier: me.name, opUserId: me.operatorNo, operatorNo: me.operatorNo } : t
  }

  // Demo mode runs the sandbox gateway in-process on loopback (started lazily so
  // a live install never opens it).
  let sandbox: SandboxGateway | null = null
  const ensureSandbox = async () => {
    sandbox ??= await startSandboxGateway({
      agentId: DEMO_MERCHANT.agentId,
      mchId: DEMO_MERCHANT.mchId,
      keys: DEMO_MERCHANT.keys,
      merchantProfile: { fullName: DEMO_MERCHANT.fullName, shortName: DEMO_MERCHANT.shortName, mobile: DEMO_MERCHANT.mobile, username: DEMO_MERCHANT.username, password: DEMO_MERCHANT.password },
      smsCode: DEMO_MERCHANT.smsCode,
      timeScale: options.sandbox?.timeScale ?? 1,
      enableControl: options.sandbox?.enableControl ?? false,
      log,
    })
    return sandbox
  }
  if (settings.mode() === 'demo' && !options.gateway) await ensureSandbox()
  bus.on('settings:changed', (v) => {
    if (v.mode === 'demo') void ensureSandbox()
  })

  let gatewayHealthy = true
  const onAudit = (e: GatewayAuditEntry, sales: boolean) => {
    // A verified answer (even a business failure) means the gateway is there; any
    // transport, HTTP, parse or signature problem means it is not quite. Only the
    // gateway this counter sells through counts: a failed go-live check or
    // activation against a gateway being set up says nothing about it.
    if (sales) gatewayHealthy = e.error === null
    // The call happened: if the journal refuses its record, keep it and retry.
    writes.keep(e.request.out_refund_no ?? e.request.out_trade_no ?? 'audit', () => journal.audit.append({
      at: e.startedAt,
      call: e.call,
      ref: e.request.out_refund_no ?? e.request.out_trade_no ?? null,
      outcome: e.outcome,
      httpStatus: e.httpStatus,
      durationMs: e.durationMs,
      request: e.request,
      response: e.response,
      error: e.error,
    }))
    options.onGatewayCall?.(e)
  }
  // One client per configuration and purpose; rebuilt when settings change the gateway or keys.
  const clients = new Map<string, GatewayClient>()
  const clientFor = (cfg: GatewayConfig, sales = true) => {
    const key = JSON.stringify([cfg, sales])
    let client = clients.get(key)
    if (!client) {
      clients.clear()
      client = createGatewayClient({ ...cfg, pid: 'counter', version: options.version, timeoutMs: options.gatewayTimeoutMs ?? 10_000, log, onAudit: (e) => onAudit(e, sales) })
      clients.set(key, client)
    }
    return client
  }
  const gateway = () => clientFor(options.gateway ?? settings.gatewayConfig(sandbox?.url ?? null))
  const activationClient = () => clientFor(options.gateway ?? settings.activationConfig(), false)
  const liveClient = () => clientFor(options.gateway ?? settings.liveConfig(), false)

  // Devices: scanners and the face camera, configured from the journal's settings.
  const devices = new DeviceService({
    bus,
    log,
    now: clock.now,
    load: () => settings.devices() ?? DEFAULT_DEVICES_CONFIG,
    save: (cfg) => settings.saveDevices(cfg),
    verifyPin: settingsGuard('devices'),
    // With operators, any device change is a settings change (manager); before them, only native code asked for the PIN.
    // A signed-in manager needs no PIN for it (devices never asked one); native code still asks its own below.
    guardChange: (pin, roles) => {
      if (operators.enabled()) operators.guard('settings', asProof(pin), { detail: { what: 'devices', roles: roles.join(',') }, confirm: false })
    },
    faceSdkFolders: { load: () => settings.faceSdkFolders(), save: (folders) => settings.saveFaceSdkFolders(folders) },
    audit: (e) =>
      journal.audit.append({ at: clock.now(), call: `devices:${e.subject}:${e.action}`, ref: null, outcome: e.outcome, httpStatus: null, durationMs: 0, request: { ...e, subject: undefined, reason: undefined }, response: null, error: e.reason ?? null }),
    ...(options.deviceAdapters ? { adapters: options.deviceAdapters } : {}),
    ...(options.printing?.slot ? { printer: options.printing.slot } : {}),
  })
  await devices.start()
  // authinfo from getfaceauth, cached per device/store while valid.
  const faceAuth = new AuthinfoCache({
    now: clock.now,
    fetch: async (rawdata) => {
      const v = settings.terminal()
      const out = await gateway().getFaceAuth({ storeId: v.storeId, storeName: v.storeName, deviceId: v.deviceId, rawdata })
      if (out.kind !== 'ok') throw new Error(out.kind === "failed" ? `getfaceauth refused: ${out.code} ${out.message}` : `getfaceauth answer unknown: ${out.reason}`)
      return { authinfo: out.authinfo, expiresIn: out.expiresIn, appid: out.appid, mchId: out.channelMchId }
    },
  })
  const facePort = createFacePort({
    camera: () => devices.face(),
    cache: faceAuth,
    key: () => {
      const t = settings.terminal()
      return { deviceId: t.deviceId, storeId: t.storeId }
    },
  })

  const engine = new PaymentEngine({
    journal,
    writes,
    gateway,
    face: options.face ?? (() => (devices.face() ? facePort : null)),
    shifts,
    terminal,
    canSell: () => settings.assertCanSell(),
    bus,
    clock,
    policy: options.paymentPolicy ?? DEFAULT_POLICY,
    log,
  })
  // Refunds of other counters' orders go through the store database (bound once replication exists, below).
  let storePort: StoreRefundPort | null = null
  const refunds = new RefundService(
    engine.ctx,
    (req) => operators.guard('refund', req, { ref: req.outTradeNo, detail: { amountFen: req.amountFen } }),
    () => storePort,
  )
  flushed = (key) => onKeptWriteFlushed(engine.ctx, key)
  const reconciler = new Reconciler(engine.ctx, { ratePerSec: options.reconcileRatePerSec ?? 5, onProgress: (run) => bus.emit('reconcile:progress', run) })
  const services: DomainServices = { journal, engine, refunds, shifts, settings, operators, activationClient, liveClient }
  // Cash and receipts: the drawer's money is journaled first; printing follows through the queue.
  const printing = new PrintingService({
    sources: {
      journal,
      cash: journal.cash,
      shifts,
      now: clock.now,
      // A receipt without its own cashier (test page, X report of a shift-less counter) names the signed-in operator.
      header: (cashier) => {
        const t = terminal()
        // The store settings (set by a manager at any counter, pulled from the store) win; the local ones are the fallback.
        const store = journal.downstream.storeSettings()
        return {
          storeName: store?.store_name || t.storeName,
          ...(store?.receipt_header ? { headerLines: [store.receipt_header] } : {}),
          counterId: t.deviceId,
          cashier: cashier || t.cashier,
          demo: settings.mode() === 'demo',
        }
      },
    },
    printer: () => devices.printer(),
    role: () => devices.printerRole,
    store: journal.printJobs,
    bus,
    log,
    ...(options.printing?.backoff ? { backoff: options.printing.backoff } : {}),
  })
  const cash = new CashService({
    journal,
    settings,
    writes,
    shifts,
    guard: (action, proof, ref) => operators.guard(action, proof, ref ? { ref } : {}),
    bus,
    log,
    now: clock.now,
    // The signed-in operator's name (as the engine's): a cash sale that opens the shift opens it under them, not the default '收银员01'.
    terminal,
    walletInFlight: () => engine.currentOrder(),
    drawer: (ref) => printing.drawer(ref),
  })
  // The store database (PostgreSQL), when one is configured: this counter's outbox is shipped there.
  const replication = new ReplicationService({
    outbox: journal.outbox,
    secrets,
    verifyPin: settingsGuard('storeDb'),
    terminal: () => settings.terminal(),
    now: clock.now,
    log,
    onStatus: (st) => bus.emit('store:status', st),
    // Operators and store settings set at any counter of the store come down after each ship cycle.
    downstream: journal.downstream,
    onPulled: (changed) => {
      log.info('store: operators or store settings pulled', { changed })
      // An operator made inactive (or renamed) at another counter: the session here follows, and the screens hear it.
      operators.refreshSignedIn()
      operators.changed()
    },
    ...(options.replicationTuning ? { tuning: options.replicationTuning } : {}),
  })
  storePort = storeRefundPort(replication, () => settings.terminal().deviceId)

  const info = (): AppInfo => ({
    name: 'Counter',
    version: options.version,
    mode: settings.mode(),
    transport: options.transport,
    platform: process.platform,
    gatewayUrl: settings.gatewayConfig(sandbox?.url ?? null).baseUrl,
    startedAt,
    journal: hooks.check(),
  })

  const handlers: CoreHandlers = {
    'app:info': () => info(),
    'app:health': () => {
      const j = journalHealth(journal, writes)
      return { ...j, ok: j.journal === 'ok' && gatewayHealthy, gateway: gatewayHealthy ? 'ok' : 'degraded', journalFindings: hooks.check().findings, store: replication.status(), checkedAt: clock.now() }
    },
    'app:echo': (req) => ({ text: req.text }),
    ...paymentHandlers(services),
    ...ordersHandlers(services),
    ...shiftsHandlers(services),
    ...reconcileHandlers(services, reconciler, shiftsHandlers(services), log),
    ...settingsHandlers(services),
    ...createDeviceHandlers(devices),
    ...createStoreHandlers(replication, (proof, ref) => void operators.guard('storeReport', proof, { ref, confirm: false }), clock.now),
    ...storeSettingsHandlers({
      downstream: journal.downstream,
      guard: (proof, detail) => void operators.guard('settings', proof, { ref: 'storeSettings', detail }),
      local: () => ({ storeName: settings.terminal().storeName, overShortLimitFen: settings.cashSettings().overShortLimitFen }),
      now: clock.now,
    }),
    ...createOperatorHandlers(operators, accounts, deviceId),
    ...cashHandlers(cash),
    ...cashRefundRoute(journal, cash, refunds),
    // Receipts are the cashier's reprint; a shift report follows the report rule (shifts/report-access.ts). A preview of anything but a report is not gated (the settings page's sample).
    ...printingHandlers(printing, (target, proof, print) => {
      if (target.kind === 'report') shiftReportAccess(operators, shifts, target.shiftId, proof, print)
      else if (print) operators.authorize('reprint')
    }),
    ...dayHandlers({ operators, printing, days: new DaySummaries(journal, shifts, clock.now) }),
  }

  // Recovery: every order and refund left unfinished by a crash is resumed now.
  engine.recover()
  refunds.recover()
  reconciler.resumeUnfinished()
  replication.start()
  // Store refunds whose reservation is still open (a crash, an outage) are settled once their end is known.
  const settleReservations = () => void refunds.store.sweep().catch((e) => log.warn('store refund reservations: sweep failed', { error: e instanceof Error ? e.message : String(e) }))
  settleReservations()
  const reservationSweep = setInterval(settleReservations, options.reservationSweepMs ?? 60_000)
  reservationSweep.unref()
  // Flagged orders and refunds are asked about again now and then, so one the
  // gateway could not answer for settles by itself once it can.
  const sweepMs = options.reviewSweepMs ?? 10 * 60_000
  const sweep = sweepMs > 0 ? setInterval(() => reviewSweep(services, log), sweepMs) : null
  sweep?.unref()
  // The idle auto-lock also fires with nobody calling (the lock screen appears by itself).
  const idleTimer = setInterval(() => operators.checkIdle(), 5_000)
  idleTimer.unref()

  return {
    dispatch: createDispatcher(handlers, log),
    bus,
    info,
    services: { ...services, get sandbox() { return sandbox }, gateway, devices, reconciler, replication, cash, printing },
    journal: NO_JOURNAL_CONTROL, // the gate's own takes its place
    close: async () => {
      if (sweep) clearInterval(sweep)
      clearInterval(reservationSweep)
      clearInterval(idleTimer)
      engine.shutdown()
      reconciler.stop()
      await reconciler.idle()
      // One last try for anything kept in memory; what still fails is found again by recovery
      // on the next start (the order is non-final in the journal, so the gateway is asked).
      writes.probe()
      await replication.close()
      writes.close()
      printing.close()
      await devices.close()
      await sandbox?.close()
      journal.close()
    },
  }
}

/** One pass over what is flagged `review`: a bounded batch, oldest first. */
export function reviewSweep(s: DomainServices, log: Logger, batch = 20): number {
  const orders = s.journal.orders.inReview(batch)
  const refunds = s.journal.refunds.inReview(batch)
  for (const o of orders) s.engine.recheck(o)
  for (const r of refunds) s.refunds.recheck(r)
  if (orders.length + refunds.length > 0) log.info('review sweep', { orders: orders.length, refunds: refunds.length })
  return orders.length + refunds.length
}
