// Which counter wrote a row. Every order, refund, shift and audit row carries
// the counter's device id (the terminal id the store database merges by), so a
// store-wide view can tell counters apart and recovery touches only this
// counter's rows. The id is the one in Settings (terminal deviceId), else the
// install's own; every id this journal has stamped rows with is remembered, so
// renaming the device in Settings never hides an open order from recovery.
import type { Db } from './db'

/** The SQL expression for the counter's id. Migration v5 uses it: never change it (write a new one). */
export const COUNTER_ID_SQL = `coalesce(
  nullif((SELECT CASE WHEN json_valid(value) THEN json_extract(value, '$.deviceId') END FROM settings WHERE key = 'settings'), ''),
  (SELECT value FROM settings WHERE key = 'install.deviceId'),
  '')`

/** `device_id IN (…)`: this journal's own rows (any id it has stamped with). */
export const OWN_ROWS_SQL = `device_id IN (SELECT id FROM own_device_ids)`

export class CounterId {
  private cached: string | null = null

  constructor(private readonly db: Db) {}

  /** The id new rows are stamped with (read once, again after a settings change). */
  current(): string {
    if (this.cached === null) {
      const id = (this.db.prepare(`SELECT ${COUNTER_ID_SQL} id`).get() as { id: string }).id
      this.db.prepare(`INSERT OR IGNORE INTO own_device_ids (id) VALUES (?)`).run(id)
      this.cached = id
    }
    return this.cached
  }

  /** The settings that decide the id changed. */
  forget(): void {
    this.cached = null
  }
}
