// What flows down, applied to a real journal file: last writer wins by
// (updated_at, writer), a local edit not yet shipped is not overwritten by an
// older one, the lockout state is never touched, a pulled row is never queued
// for the store again, the same pull twice changes nothing, and the cursor
// starts over when the store is disconnected.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Journal } from './index'
import type { PulledOperator } from './downstream'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function journal(): Journal {
  const dir = mkdtempSync(join(tmpdir(), 'counter-downstream-'))
  dirs.push(dir)
  const j = Journal.open(join(dir, 'journal.sqlite3'))
  j.setSetting('settings', JSON.stringify({ deviceId: 'POS-M' }))
  return j
}

const op = (over: Partial<PulledOperator>): PulledOperator => ({ operatorNo: '0002', name: 'n', role: 'cashier', pinHash: 'scrypt$x', active: true, createdAt: 1, updatedAt: 100, writer: 'POS-Z', ...over })
const queued = (j: Journal, kind: string) => (j.db.prepare(`SELECT count(*) n FROM outbox WHERE kind = ?`).get(kind) as { n: number }).n

describe('journal downstream (storesync)', () => {
  it('last writer wins; a newer local edit stays; lockout untouched; nothing queued back; idempotent', () => {
    const j = journal()
    j.outbox.enable()
    const d = j.downstream
    expect(d.apply({ operators: [op({})], settings: null, version: 3 })).toBe(1)
    expect(j.operators.get('0002')).toMatchObject({ name: 'n', updated_at: 100, updated_by: 'POS-Z' })
    expect(d.pulledVersion()).toBe(3)
    expect(queued(j, 'operator')).toBe(0)
    expect(d.apply({ operators: [op({})], settings: null, version: 3 })).toBe(0) // the same pull again

    j.operators.setPinState('0002', '{"failures":2}')
    j.operators.update('0002', { name: 'local' }, 200) // an edit here, not shipped yet
    expect(queued(j, 'operator')).toBe(1)
    expect(d.apply({ operators: [op({ name: 'older', updatedAt: 150 })], settings: null, version: 4 })).toBe(0)
    expect(j.operators.get('0002')?.name).toBe('local')
    // A tie on updated_at: the higher counter id wins (this counter is POS-M).
    expect(d.apply({ operators: [op({ name: 'tie-low', updatedAt: 200, writer: 'POS-A' })], settings: null, version: 5 })).toBe(0)
    expect(d.apply({ operators: [op({ name: 'tie-high', updatedAt: 200, writer: 'POS-Z', active: false })], settings: null, version: 6 })).toBe(1)
    expect(j.operators.get('0002')).toMatchObject({ name: 'tie-high', active: 0, pin_state: '{"failures":2}', updated_by: 'POS-Z' })
    expect(queued(j, 'operator')).toBe(1) // only the local edit

    const s = { storeName: '河西店', receiptHeader: 'h', overShortLimitFen: 300, updatedAt: 500, writer: 'POS-Z' }
    expect(d.apply({ operators: [], settings: s, version: 7 })).toBe(1)
    expect(queued(j, 'store_settings')).toBe(0)
    // A manager's change here is newer than what was pulled even with a clock behind it.
    expect(d.setStoreSettings({ storeName: '江北店', receiptHeader: '', overShortLimitFen: 0 }, 400)).toMatchObject({ store_name: '江北店', updated_at: 501, updated_by: '' })
    expect(queued(j, 'store_settings')).toBe(1)

    j.outbox.disable()
    expect(d.pulledVersion()).toBe(0)
    j.close()
  })
})
