// The journal's write guard wired to the rest of the core: every window is
// told (app:problem) when the journal stops taking writes, and `app:health`
// reports the result of a real write probe, not a SELECT.
import type { Journal } from '../journal'
import { JournalWriteGuard, type GuardState } from '../journal/write-guard'
import type { Clock } from '../payments/clock'
import type { AppHealth } from '../shared/contract'
import type { EventBus } from '../kernel/event-bus'
import type { Logger } from '../kernel/logger'

const REASON_ZH: Record<string, string> = {
  'disk-full': '磁盘已满',
  'io-error': '磁盘读写错误',
  'read-only': '账本文件只读或无权限',
  damaged: '账本文件损坏',
  busy: '账本被占用',
  closed: '账本已关闭',
  'write-error': '写入被拒绝',
}

export function watchJournal(journal: Journal, bus: EventBus, clock: Clock, log: Logger, onFlushed: (key: string) => void): JournalWriteGuard {
  let wasFailing = false
  const guard: JournalWriteGuard = new JournalWriteGuard(journal.db, {
    now: clock.now,
    sleep: (ms) => clock.sleep(ms),
    onFlushed,
    onChange: (state: GuardState) => {
      if (state.failing && !wasFailing) {
        log.error('journal stopped taking writes', { reason: state.reason, detail: state.detail, pending: state.pending })
        bus.emit('app:problem', {
          kind: 'journal',
          code: 'journal-failing',
          message: `账本写入失败（${REASON_ZH[state.reason ?? 'write-error']}）：暂停收款，已收款的订单保存在内存中并持续重试写入，请勿重复收款`,
          at: clock.now(),
        })
      } else if (!state.failing && wasFailing) {
        log.info('journal takes writes again')
        bus.emit('app:problem', { kind: 'journal', code: 'journal-recovered', message: '账本已恢复写入，可以继续收款', at: clock.now() })
      }
      wasFailing = state.failing
    },
  })
  return guard
}

/** The journal's part of app:health: a write probe, then the counts (reads still work on a full disk). */
export function journalHealth(journal: Journal, guard: JournalWriteGuard): Pick<AppHealth, 'journal' | 'journalReason' | 'journalPending' | 'openOrders' | 'attentionOrders'> {
  const reason = guard.probe()
  const pending = guard.state().pending
  try {
    return {
      journal: reason ? 'failing' : 'ok',
      ...(reason ? { journalReason: reason } : {}),
      ...(pending ? { journalPending: pending } : {}),
      openOrders: journal.orders.countOpen(),
      attentionOrders: journal.orders.countAttention(),
    }
  } catch {
    return { journal: 'down', journalReason: reason ?? 'damaged', openOrders: 0, attentionOrders: 0 }
  }
}
