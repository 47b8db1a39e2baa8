// Compile-time only: the scanners (native-bridge) keep their own lists of scan
// sources and reject reasons so that they import nothing from electron/; these
// lines fail to typecheck the day either side changes without the other.
import type { z } from 'zod'
import type { ScanRejectReason, ScanSource as ContractScanSource } from '../shared/contract'
import type { RejectReason, ScanSource } from '../../native-bridge/scanners/types'

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sourcesAgree: Same<ScanSource, z.infer<typeof ContractScanSource>> = true
const reasonsAgree: Same<RejectReason, z.infer<typeof ScanRejectReason>> = true
export const deviceListsAgree = sourcesAgree && reasonsAgree
