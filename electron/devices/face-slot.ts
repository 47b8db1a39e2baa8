// The face camera role: none, the simulated camera, or a vendor SDK camera run
// in a worker. A vendor library is native code: choosing it (or leaving it)
// needs the supervisor, and the file is checked against the allowed SDK
// folders and its hash before it is chosen and again before every worker start.
import { PosFailure } from '../shared/result'
import { FaceConfig, msg, type MessageCode } from '../shared/contract'
import type { FaceCamera, FaceStatus, FaceStatusReason } from '../../native-bridge/face/types'
import type { AdapterFactories } from './adapters'
import { checkFaceLibrary } from './face-library'
import type { RoleSlot, SlotContext } from './roles'

/** The camera's own reasons (native-bridge) as message codes: every reason must have one. */
const FACE_STATUS: Record<FaceStatusReason, MessageCode> = {
  'simulated-starting': 'FACE_SIMULATED_STARTING',
  'simulated-ready': 'FACE_SIMULATED_READY',
  closed: 'FACE_CLOSED',
  'not-started': 'FACE_NOT_STARTED',
  'process-starting': 'FACE_PROCESS_STARTING',
  ready: 'FACE_READY',
  'init-failed': 'FACE_INIT_FAILED',
  'process-failed': 'FACE_PROCESS_FAILED',
}

export class FaceSlot implements RoleSlot<FaceConfig> {
  readonly role = 'face' as const
  readonly fallback: FaceConfig = { kind: 'simulated' }
  private camera: FaceCamera | null = null
  private unsubscribe: (() => void) | null = null

  constructor(
    private readonly ctx: SlotContext,
    private readonly factories: AdapterFactories,
    /** The folders a vendor library may be loaded from (read at each check: they can change). */
    private readonly sdkFolders: () => string[],
  ) {}

  parse(raw: unknown): FaceConfig {
    return FaceConfig.parse(raw)
  }

  needsApproval(from: FaceConfig, to: FaceConfig): boolean {
    return to.kind === 'vendor' || from.kind === 'vendor'
  }

  readonly approvalName = 'faceLibrary'

  describeChange(to: FaceConfig): Record<string, string> {
    return to.kind === 'vendor' ? { libraryPath: to.libraryPath.slice(0, 512) } : {}
  }

  approve(to: FaceConfig): Record<string, string> {
    if (to.kind !== 'vendor') return {}
    return { libraryPath: to.libraryPath.slice(0, 512), sha256: checkFaceLibrary(to.libraryPath, this.sdkFolders(), to.sha256).sha256 }
  }

  /** The camera for the payment engine, or null when none is configured. */
  current(): FaceCamera | null {
    return this.camera
  }

  async apply(config: FaceConfig): Promise<void> {
    await this.close()
    if (config.kind === 'none') {
      this.ctx.setStatus('none', 'disabled', msg('FACE_NONE'))
      return
    }
    // Checked again before every worker start: the folder list or the file may have changed since.
    const preflight = () => {
      if (config.kind !== 'vendor') throw new PosFailure('DEVICE', 'not a vendor SDK camera', { reason: 'not-vendor-camera' })
      const checked = checkFaceLibrary(config.libraryPath, this.sdkFolders(), config.sha256)
      return { path: checked.realPath, sha256: checked.sha256 }
    }
    const camera = this.factories.face(config, preflight)
    this.camera = camera
    const report = (s: FaceStatus) => {
      if (this.camera === camera) this.ctx.setStatus(s.kind, s.state, msg(FACE_STATUS[s.reason], s.params))
    }
    this.unsubscribe = camera.onStatus(report)
    report(camera.status())
    // start() failing is reported through status; payments then see the camera as unavailable.
    await camera.start().catch((e: unknown) => this.ctx.log.warn('devices: face camera did not start', { error: e instanceof Error ? e.message : String(e) }))
  }

  async close(): Promise<void> {
    this.unsubscribe?.()
    this.unsubscribe = null
    const old = this.camera
    this.camera = null
    await old?.close().catch(() => {})
  }
}
