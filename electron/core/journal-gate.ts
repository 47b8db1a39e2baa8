// The journal gate: nothing sells until the journal is known to be the one the
// counter wrote last time. createCore runs the start-up check here; when it
// finds a problem the core starts in the "journal problem" state — no services,
// no recovery, every call but app:* and journal:* refused with JOURNAL_PROBLEM —
// until a person restores the latest backup or (PIN) starts a new journal.
// The damaged files are moved aside, never deleted. The same gate later swaps
// in a restored journal under a running core (the transports keep their bus).
import { DEFAULT_CHECKPOINT_POLICY } from '../journal/checkpoint'
import { join } from 'node:path'
import { Journal } from '../journal'
import { installCopy, moveAside, settingsOf, type BackupFile } from '../journal/backup'
import { ensureJournalId, parseMarker, readMarkerFile } from '../journal/identity'
import { expectedMarker, inspectJournal } from '../journal/inspect'
import { reinsertMissing } from '../journal/recent-orders'
import { PinGuard } from '../settings/pin'
import { asProof, isCallName, type AppInfo, type BackupView, type JournalFinding, type JournalStatus, type Proof, type ProofInput } from '../shared/contract'
import { fail, PosFailure } from '../shared/result'
import type { Core, CoreOptions } from './create-core'
import { createDispatcher, type Dispatch, type GateHandlers } from '../kernel/dispatch'
import { BackupPlaces } from './backup-places'
import { EventBus } from '../kernel/event-bus'
import { JournalKeeper, journalPaths, type JournalPaths } from './journal-keeper'
import { fileSecretStore, type SecretStore } from '../kernel/secrets'

/** What the core builder gets from the gate. */
export interface GateHooks {
  secrets: SecretStore
  check(): AppInfo['journal']
}
export type BuildCore = (journal: Journal, hooks: GateHooks) => Promise<Core>

/** What tests, benches and the reliability report drive directly (the renderer uses the journal:* calls). */
export interface JournalControl {
  status(): JournalStatus
  restoreLatest(pin?: ProofInput): Promise<JournalStatus>
  startNew(pin?: ProofInput): Promise<JournalStatus>
  backupNow(): Promise<BackupFile>
  /** Resolves once the marker and the recent-orders log have caught up with the journal. */
  settle(): Promise<void>
}
const unavailable = () => Promise.reject(new Error('journal control belongs to the gate'))
export const NO_JOURNAL_CONTROL: JournalControl = {
  status: () => {
    throw new Error('journal control belongs to the gate')
  },
  restoreLatest: unavailable,
  startNew: unavailable,
  backupNow: unavailable,
  settle: () => Promise.resolve(),
}

const BLOCKING = new Set(['missing', 'empty', 'replaced', 'rolled-back', 'damaged', 'schema-newer'])
const PROBLEM_CALLS = new Set(['app:info', 'app:health', 'app:echo'])
const problem = () => new PosFailure('JOURNAL_PROBLEM', '账本异常：恢复最新备份或新建账本之前，不能收款')

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z')
const view = (b: BackupFile, folder: BackupView['folder']): BackupView => ({ file: b.file, folder, takenAt: b.takenAt, seq: b.seq, bytes: b.bytes })

export async function openGuarded(options: CoreOptions, build: BuildCore): Promise<Core> {
  const now = () => (options.clock ?? { now: Date.now }).now()
  const log = options.log
  const paths: JournalPaths = journalPaths(options.userDataDir)
  const secrets = options.secrets ?? fileSecretStore(join(options.userDataDir, 'secrets.json'))
  const bus = new EventBus(log)
  const startedAt = now()
  let findings: JournalFinding[] = []
  let inner: Core | null = null
  let keeper: JournalKeeper | null = null
  let asideFolder: string | null = null
  let switching = false

  const blocking = () => findings.filter((f) => BLOCKING.has(f.code))
  const check = (): AppInfo['journal'] => ({ state: blocking().length > 0 ? 'problem' : 'ok', findings })
  const places = new BackupPlaces(paths, secrets, log)
  const secretMarker = () => {
    try {
      return parseMarker(secrets.get('journalMarker'))
    } catch {
      if (!findings.some((f) => f.code === 'secrets-unreadable')) findings.push({ code: 'secrets-unreadable', params: {} })
      return null
    }
  }
  const pinSet = () => {
    try {
      return secrets.get('pinHash') !== null
    } catch {
      return true // fail closed: act as if a PIN guards it (and verification will refuse)
    }
  }
  // With no journal there is nowhere to keep PIN attempts: they are counted in memory.
  let attempts: unknown = null
  const problemPin = new PinGuard({ getHash: () => secrets.get('pinHash'), setHash: () => undefined, getState: () => attempts, setState: (s) => (attempts = s) }, now)
  /** Like every settings change, PIN-guarded; only the way out of a journal problem may go ahead on a counter that never had a PIN. */
  // A running core decides by its operators (roles, approvals, audit); with the books unknown
  // the operators cannot be read, so only the supervisor PIN in the secret store can.
  const verifyPin = (proof: Proof, action: 'journalRestore' | 'settings' = 'journalRestore') => {
    if (inner) return void inner.services.operators.guard(action, proof, { detail: { what: action === 'settings' ? 'backupOptions' : 'journal' } })
    if (problemPin.isSet()) problemPin.verify(proof.pin)
  }

  const status = (): JournalStatus => {
    const backups = places.all()
    const restored = inner?.services.journal.getSetting('journal.restoredFrom') ?? null
    return {
      ...check(),
      latestBackup: backups[0] ? view(backups[0].b, backups[0].folder) : null,
      backupCount: backups.length,
      pinSet: pinSet(),
      asideFolder,
      restoredFrom: restored ? (JSON.parse(restored) as JournalStatus['restoredFrom']) : null,
    }
  }
  const announce = () => bus.emit('journal:status', status())

  /** Opens the journal (now known good), starts the keeper, builds the services. */
  const bringUp = async (journal: Journal) => {
    ensureJournalId(journal.db)
    keeper = new JournalKeeper(journal.db, paths, secrets, now, log, {
      tickMs: 250,
      secretEveryMs: 30_000,
      // A sale between its scan and its answer goes first (see KeeperOptions.busy).
      busy: () => inner?.services.engine.busy() ?? false,
      backupEveryMs: options.backupEveryMs ?? 60 * 60_000,
      checkpoint: { ...DEFAULT_CHECKPOINT_POLICY, ...options.journalCheckpoint },
      keep: () => places.options().keep,
      secondFolder: () => places.options().secondFolder,
      onFinding: (f) => {
        findings = [...findings.filter((x) => x.code !== f.code), f]
        bus.emit('app:problem', { kind: 'journal', message: `账本备份失败（${String(f.params['folder'])}）：${String(f.params['detail'] ?? '')}`.slice(0, 256), at: now() })
        announce()
      },
      onBackup: () => {
        findings = findings.filter((x) => x.code !== 'backup-failed')
        announce()
      },
    })
    inner = await build(journal, { secrets, check })
    inner.bus.subscribe((name, payload) => bus.emit(name, payload as never))
    keeper.start()
    const k = keeper
    inner.bus.on('shifts:changed', (s) => {
      if (s === null) void k.backup('shift close').catch(() => undefined)
    })
  }

  const takeDown = async () => {
    const [k, c] = [keeper, inner]
    keeper = null
    inner = null
    await k?.stop()
    await c?.close()
  }

  const filesOf = () => [paths.journal, `${paths.journal}-wal`, `${paths.journal}-shm`, paths.marker]

  // After a restore: once recovery has asked about the orders put back, reconciliation checks
  // every order since the backup against the gateway (state, amount, transaction id).
  const reconcileSince = (fromAt: number) => {
    const c = inner
    if (!c) return
    void (async () => {
      await c.services.engine.idle()
      await c.services.reconciler.run({ fromAt: fromAt - 60_000, toAt: now() })
    })().catch((e: unknown) => log.error('reconciliation after restore failed', { error: e instanceof Error ? e.message : String(e) }))
  }

  const restoreLatest = async (pin?: ProofInput): Promise<JournalStatus> => {
    verifyPin(asProof(pin))
    if (inner?.services.engine.currentOrder()) throw new PosFailure('BUSY', '还有订单在处理中：请等它结束后再恢复备份')
    const chosen = await places.newestVerified()
    if (!chosen) throw new PosFailure('NOT_FOUND', '没有可用的备份：请联系技术支持，或用主管密码新建账本', { reason: 'backup' })
    if (switching) throw new PosFailure('BUSY', '正在切换账本', { reason: 'switching-journal' })
    switching = true
    try {
      await takeDown()
      findings = [{ code: 'missing', params: { expectedSeq: chosen.seq, deviceId: '' } }] // until the copy is in place
      asideFolder = moveAside(filesOf(), join(paths.dir, `journal-aside-${stamp(now())}`))
      installCopy(chosen.path, paths.journal)
      const journal = Journal.open(paths.journal, { manualCheckpoints: true })
      const reinserted = reinsertMissing(journal.db, places.loggedOrders(), now())
      journal.setSetting('journal.restoredFrom', JSON.stringify({ file: chosen.file, takenAt: chosen.takenAt, restoredAt: now(), reinserted: reinserted.length }))
      findings = []
      log.warn('journal restored from backup', { file: chosen.file, reinserted: reinserted.length, aside: asideFolder })
      await bringUp(journal)
      reconcileSince(chosen.takenAt)
    } finally {
      switching = false
    }
    announce()
    return status()
  }

  const startNew = async (pin?: ProofInput): Promise<JournalStatus> => {
    if (inner || blocking().length === 0) throw new PosFailure('CONFLICT', '账本正常，不需要新建', { reason: 'journal-ok' })
    verifyPin(asProof(pin))
    switching = true
    try {
      asideFolder = moveAside(filesOf(), join(paths.dir, `journal-aside-${stamp(now())}`))
      const journal = Journal.open(paths.journal, { manualCheckpoints: true })
      // The counter's configuration (gateway, merchant, devices, device id) comes from the newest
      // backup that verifies, so only the books start empty; without one, at least the device id,
      // so its order numbers stay recognisably its own.
      const source = await places.newestVerified()
      if (source) for (const { key, value } of settingsOf(source.path)) journal.setSetting(key, value)
      const marker = expectedMarker(readMarkerFile(join(asideFolder ?? paths.dir, 'journal.marker.json')).marker, secretMarker())
      if (!source && marker?.deviceId) journal.setSetting('install.deviceId', marker.deviceId)
      // The orders the log names go in as `querying`: the gateway says which were paid.
      const reinserted = reinsertMissing(journal.db, places.loggedOrders(), now())
      journal.setSetting('journal.startedNew', JSON.stringify({ at: now(), reinserted: reinserted.length }))
      findings = []
      log.warn('journal: new journal started, the previous one kept aside', { aside: asideFolder })
      await bringUp(journal)
    } finally {
      switching = false
    }
    announce()
    return status()
  }

  const own: GateHandlers = {
    'journal:status': () => status(),
    'journal:backupNow': async () => {
      if (!keeper) throw problem()
      return view(await keeper.backup('on demand'), 'primary')
    },
    'journal:restoreLatest': ({ pin, approval }) => restoreLatest({ pin, approval }),
    'journal:startNew': ({ pin, approval }) => startNew({ pin, approval }),
    'journal:backupOptions': () => places.options(),
    'journal:setBackupOptions': ({ options: next, pin, approval }) => {
      verifyPin({ pin, approval }, 'settings')
      return places.setOptions(next)
    },
    // Only while the books are unknown; a running core answers these itself.
    'app:info': () => ({ name: 'Counter', version: options.version, mode: 'live', transport: options.transport, platform: process.platform, gatewayUrl: '', startedAt, journal: check() }),
    'app:health': () => ({ ok: false, journal: 'down', gateway: 'degraded', openOrders: 0, attentionOrders: 0, journalFindings: findings, checkedAt: now() }),
    'app:echo': (req) => ({ text: req.text }),
  }
  const ownDispatch = createDispatcher(own, log)
  const dispatch: Dispatch = async (name, payload) => {
    if (typeof name === 'string' && name.startsWith('journal:')) return ownDispatch(name, payload)
    if (inner) return inner.dispatch(name, payload)
    if (isCallName(name) && !PROBLEM_CALLS.has(name)) return fail('JOURNAL_PROBLEM', problem().message)
    return ownDispatch(name, payload)
  }

  // The start-up check.
  const markerFile = readMarkerFile(paths.marker)
  const inspection = await inspectJournal(paths.journal, expectedMarker(markerFile.marker, secretMarker()))
  findings = [...findings, ...inspection.findings]
  if (blocking().length === 0) {
    await bringUp(Journal.open(paths.journal, { manualCheckpoints: true }))
  } else {
    log.error('journal problem at start: sales refused until restored or replaced', { findings: JSON.stringify(findings) })
  }

  const core: Core = {
    dispatch,
    bus,
    info: () => (inner ? inner.info() : (own['app:info']({}) as AppInfo)),
    get services() {
      if (!inner) throw problem()
      return inner.services
    },
    journal: {
      status,
      restoreLatest,
      startNew,
      backupNow: () => (keeper ? keeper.backup('on demand') : Promise.reject(problem())),
      settle: () => keeper?.settle() ?? Promise.resolve(),
    },
    close: () => takeDown(),
  }
  return core
}
