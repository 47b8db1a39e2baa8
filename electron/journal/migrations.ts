// Append only: never edit a migration that has shipped; add a new one.
import { COUNTER_ID_SQL } from './counter-id'
export const MIGRATIONS: readonly string[] = [
  /* v1 */ `
  CREATE TABLE orders (
    out_trade_no      TEXT PRIMARY KEY,
    method            TEXT NOT NULL CHECK (method IN ('code','face','qr')),
    paytype           TEXT,
    amount_fen        INTEGER NOT NULL CHECK (amount_fen > 0),
    body              TEXT NOT NULL,
    state             TEXT NOT NULL,
    step              TEXT NOT NULL,
    awaiting_customer INTEGER NOT NULL DEFAULT 0,
    deadline_at       INTEGER,
    auth_code_masked  TEXT,
    transaction_id    TEXT,
    code_url          TEXT,
    failure_code      TEXT,
    failure_message   TEXT,
    attention         TEXT,
    refunded_fen      INTEGER NOT NULL DEFAULT 0,
    cashier           TEXT NOT NULL,
    shift_id          TEXT,
    submitted_at      INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    paid_at           INTEGER
  );
  CREATE INDEX orders_created ON orders (created_at);
  CREATE INDEX orders_shift_state ON orders (shift_id, state);
  CREATE INDEX orders_transaction ON orders (transaction_id);
  CREATE INDEX orders_amount ON orders (amount_fen, created_at);
  CREATE INDEX orders_open ON orders (state) WHERE state NOT IN ('paid','cancelled','closed','failed','review');
  CREATE INDEX orders_attention ON orders (created_at) WHERE attention IS NOT NULL;

  CREATE TABLE order_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    out_trade_no TEXT NOT NULL REFERENCES orders(out_trade_no),
    at           INTEGER NOT NULL,
    from_state   TEXT,
    to_state     TEXT NOT NULL,
    note         TEXT NOT NULL
  );
  CREATE INDEX order_events_order ON order_events (out_trade_no, id);

  CREATE TABLE refunds (
    out_refund_no   TEXT PRIMARY KEY,
    out_trade_no    TEXT NOT NULL REFERENCES orders(out_trade_no),
    amount_fen      INTEGER NOT NULL CHECK (amount_fen > 0),
    state           TEXT NOT NULL,
    step            TEXT NOT NULL,
    refund_id       TEXT,
    failure_code    TEXT,
    failure_message TEXT,
    reason          TEXT NOT NULL,
    shift_id        TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
  );
  CREATE INDEX refunds_order ON refunds (out_trade_no);
  CREATE INDEX refunds_shift ON refunds (shift_id, state);

  -- Append-only: every gateway call, masked (no keys, no full payment codes).
  CREATE TABLE audit (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           INTEGER NOT NULL,
    call         TEXT NOT NULL,
    ref          TEXT,
    outcome      TEXT NOT NULL,
    http_status  INTEGER,
    duration_ms  INTEGER NOT NULL,
    request      TEXT NOT NULL,
    response     TEXT,
    error        TEXT
  );
  CREATE INDEX audit_ref ON audit (ref, id);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

  CREATE TABLE shifts (
    id         TEXT PRIMARY KEY,
    cashier    TEXT NOT NULL,
    float_fen  INTEGER NOT NULL CHECK (float_fen >= 0),
    opened_at  INTEGER NOT NULL,
    closed_at  INTEGER,
    z_report   TEXT
  );
  CREATE UNIQUE INDEX shifts_one_open ON shifts ((closed_at IS NULL)) WHERE closed_at IS NULL;

  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  /* v2: order search on a large journal (bench/: 1,000,000 orders). State filters
     page and count through (state, created_at); "needs attention" has its own
     partial index whose WHERE is the search's expression, term for term
     (electron/payments/search.ts NEEDS_ATTENTION_SQL must stay identical). */ `
  CREATE INDEX orders_state_created ON orders (state, created_at);
  CREATE INDEX orders_needs_attention ON orders (created_at)
    WHERE attention IS NOT NULL OR state = 'review' OR state NOT IN ('paid','cancelled','closed','failed','review');
  `,
  /* v3: a scratch table for the health check's write probe (a row inserted and
     deleted in one committed transaction), and end-of-day reconciliation runs
     with their per-order progress (a run interrupted by a crash resumes). */ `
  CREATE TABLE journal_probe (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL);

  CREATE TABLE reconcile_runs (
    id          TEXT PRIMARY KEY,
    from_at     INTEGER NOT NULL,
    to_at       INTEGER NOT NULL,
    shift_id    TEXT,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    orders      INTEGER NOT NULL DEFAULT 0,
    differences INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX reconcile_runs_shift ON reconcile_runs (shift_id, started_at);

  CREATE TABLE reconcile_items (
    run_id       TEXT NOT NULL REFERENCES reconcile_runs(id),
    out_trade_no TEXT NOT NULL,
    checked_at   INTEGER,
    gateway      TEXT,
    difference   TEXT,
    detail       TEXT,
    PRIMARY KEY (run_id, out_trade_no)
  );
  `,
  /* v4: the outbox for the store database (electron/replication). Triggers write
     one outbox row per change to orders, refunds, shifts and audit in the SAME
     transaction as the change, so nothing can be changed without being shipped,
     and only while replication is enabled (a counter without a store keeps no
     outbox). `at` is the change's own time, for the replication lag. */ `
  CREATE TABLE replication_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    enabled   INTEGER NOT NULL DEFAULT 0
  );
  INSERT INTO replication_state (id, enabled) VALUES (1, 0);
  CREATE TABLE outbox (
    seq   INTEGER PRIMARY KEY AUTOINCREMENT,
    kind  TEXT NOT NULL CHECK (kind IN ('order','refund','shift','audit')),
    key   TEXT NOT NULL,
    at    INTEGER NOT NULL
  );
  CREATE TRIGGER outbox_order_insert AFTER INSERT ON orders WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('order', NEW.out_trade_no, NEW.updated_at); END;
  CREATE TRIGGER outbox_order_update AFTER UPDATE ON orders WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('order', NEW.out_trade_no, NEW.updated_at); END;
  CREATE TRIGGER outbox_refund_insert AFTER INSERT ON refunds WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('refund', NEW.out_refund_no, NEW.updated_at); END;
  CREATE TRIGGER outbox_refund_update AFTER UPDATE ON refunds WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('refund', NEW.out_refund_no, NEW.updated_at); END;
  CREATE TRIGGER outbox_shift_insert AFTER INSERT ON shifts WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('shift', NEW.id, NEW.opened_at); END;
  CREATE TRIGGER outbox_shift_update AFTER UPDATE ON shifts WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('shift', NEW.id, COALESCE(NEW.closed_at, NEW.opened_at)); END;
  CREATE TRIGGER outbox_audit_insert AFTER INSERT ON audit WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('audit', CAST(NEW.id AS TEXT), NEW.at); END;
  `,
  /* v5: which counter wrote each row (counter-id.ts). Existing rows get this
     counter's id; the outbox does not re-ship them for it (replication paused
     inside this transaction). The audit's no-update trigger is lifted for the
     backfill only. "One open shift" becomes one per counter. */ `
  CREATE TABLE own_device_ids (id TEXT PRIMARY KEY);
  INSERT INTO own_device_ids (id) SELECT ${COUNTER_ID_SQL};
  ALTER TABLE orders ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
  ALTER TABLE refunds ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
  ALTER TABLE shifts ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
  ALTER TABLE audit ADD COLUMN device_id TEXT NOT NULL DEFAULT '';
  CREATE TEMP TABLE v5_replication AS SELECT enabled FROM replication_state WHERE id = 1;
  UPDATE replication_state SET enabled = 0 WHERE id = 1;
  UPDATE orders SET device_id = (SELECT id FROM own_device_ids);
  UPDATE refunds SET device_id = (SELECT id FROM own_device_ids);
  UPDATE shifts SET device_id = (SELECT id FROM own_device_ids);
  DROP TRIGGER audit_no_update;
  UPDATE audit SET device_id = (SELECT id FROM own_device_ids);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  UPDATE replication_state SET enabled = (SELECT enabled FROM v5_replication) WHERE id = 1;
  DROP TABLE v5_replication;
  DROP INDEX shifts_one_open;
  CREATE UNIQUE INDEX shifts_one_open_per_counter ON shifts (device_id) WHERE closed_at IS NULL;
  `,
  /* v6: words out of the journal. Steps, failure reasons, attention flags and
     the engine's notes become message codes (JSON, see shared/contract/message.ts);
     a Z report's attention reasons too. legacy_message / legacy_z_report are
     registered by db.ts (journal/legacy-messages.ts): known sentences map to
     their code and params, anything else to LEGACY_TEXT shown verbatim. */ `
  UPDATE orders SET
    step = legacy_message('step', step, failure_code, amount_fen),
    failure_message = legacy_message('failure', failure_message, failure_code, amount_fen),
    attention = legacy_message('attention', attention, failure_code, amount_fen);
  UPDATE refunds SET
    step = legacy_message('refund-step', step, failure_code, amount_fen),
    failure_message = legacy_message('refund-failure', failure_message, failure_code, amount_fen);
  UPDATE order_events SET note = legacy_message('note', note, NULL, NULL) WHERE note != '';
  UPDATE shifts SET z_report = legacy_z_report(z_report) WHERE z_report IS NOT NULL;
  `,
  /* v7: operators (electron/operators): accounts with a role and a scrypt PIN
     hash (its lockout state beside it), an append-only audit of what they did
     (sign-in/out, failed PINs, approvals, refunds, settings changes — never a
     PIN), and who did each order, refund and shift (and who approved it). */ `
  CREATE TABLE operators (
    operator_no TEXT PRIMARY KEY CHECK (length(operator_no) = 4 AND operator_no GLOB '[0-9][0-9][0-9][0-9]'),
    device_id   TEXT NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('cashier','supervisor','manager')),
    pin_hash    TEXT NOT NULL,
    pin_state   TEXT,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE TABLE operator_audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          INTEGER NOT NULL,
    device_id   TEXT NOT NULL,
    operator_no TEXT,
    action      TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('ok','refused')),
    approver_no TEXT,
    ref         TEXT,
    detail      TEXT
  );
  CREATE INDEX operator_audit_at ON operator_audit (at);
  CREATE TRIGGER operator_audit_no_update BEFORE UPDATE ON operator_audit BEGIN SELECT RAISE(ABORT, 'operator_audit is append-only'); END;
  CREATE TRIGGER operator_audit_no_delete BEFORE DELETE ON operator_audit BEGIN SELECT RAISE(ABORT, 'operator_audit is append-only'); END;
  ALTER TABLE orders ADD COLUMN operator_no TEXT;
  ALTER TABLE refunds ADD COLUMN operator_no TEXT;
  ALTER TABLE refunds ADD COLUMN approver_no TEXT;
  ALTER TABLE shifts ADD COLUMN operator_no TEXT;
  ALTER TABLE shifts ADD COLUMN closed_by TEXT;
  ALTER TABLE shifts ADD COLUMN close_approver TEXT;
  `,
  /* v8: cash (electron/cash). Orders may be paid in cash (method 'cash', final at
     once, never sent to the gateway): the orders table is rebuilt with the wider
     CHECK (SQLite cannot alter one; migrate() runs with foreign keys off and checks
     them before commit), its indexes and outbox triggers made again. SELECT * makes a
     column added by another migration fail loudly here instead of being dropped.
     cash_movements: every movement of the drawer (sale, refund, paid in/out, no-sale
     opening), with who approved it. drawer_counts: the count at shift close. */ `
  CREATE TABLE orders_v8 (
    out_trade_no      TEXT PRIMARY KEY,
    method            TEXT NOT NULL CHECK (method IN ('code','face','qr','cash')),
    paytype           TEXT,
    amount_fen        INTEGER NOT NULL CHECK (amount_fen > 0),
    body              TEXT NOT NULL,
    state             TEXT NOT NULL,
    step              TEXT NOT NULL,
    awaiting_customer INTEGER NOT NULL DEFAULT 0,
    deadline_at       INTEGER,
    auth_code_masked  TEXT,
    transaction_id    TEXT,
    code_url          TEXT,
    failure_code      TEXT,
    failure_message   TEXT,
    attention         TEXT,
    refunded_fen      INTEGER NOT NULL DEFAULT 0,
    cashier           TEXT NOT NULL,
    shift_id          TEXT,
    submitted_at      INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    paid_at           INTEGER,
    device_id         TEXT NOT NULL DEFAULT '',
    operator_no       TEXT
  );
  INSERT INTO orders_v8 SELECT * FROM orders;
  DROP TABLE orders;
  ALTER TABLE orders_v8 RENAME TO orders;
  CREATE INDEX orders_created ON orders (created_at);
  CREATE INDEX orders_shift_state ON orders (shift_id, state);
  CREATE INDEX orders_transaction ON orders (transaction_id);
  CREATE INDEX orders_amount ON orders (amount_fen, created_at);
  CREATE INDEX orders_open ON orders (state) WHERE state NOT IN ('paid','cancelled','closed','failed','review');
  CREATE INDEX orders_attention ON orders (created_at) WHERE attention IS NOT NULL;
  CREATE INDEX orders_state_created ON orders (state, created_at);
  CREATE INDEX orders_needs_attention ON orders (created_at)
    WHERE attention IS NOT NULL OR state = 'review' OR state NOT IN ('paid','cancelled','closed','failed','review');
  CREATE TRIGGER outbox_order_insert AFTER INSERT ON orders WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('order', NEW.out_trade_no, NEW.updated_at); END;
  CREATE TRIGGER outbox_order_update AFTER UPDATE ON orders WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('order', NEW.out_trade_no, NEW.updated_at); END;

  CREATE TABLE cash_movements (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id    TEXT NOT NULL,
    shift_id     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('sale','refund','paid_in','paid_out','no_sale')),
    amount_fen   INTEGER NOT NULL CHECK (amount_fen >= 0),
    given_fen    INTEGER,
    change_fen   INTEGER,
    ref          TEXT,
    reason       TEXT NOT NULL DEFAULT '',
    cashier      TEXT NOT NULL,
    approved_by  TEXT,
    at           INTEGER NOT NULL
  );
  CREATE INDEX cash_movements_shift ON cash_movements (shift_id, kind);
  CREATE INDEX cash_movements_ref ON cash_movements (ref);

  CREATE TABLE drawer_counts (
    shift_id        TEXT PRIMARY KEY REFERENCES shifts(id),
    denominations   TEXT NOT NULL,
    counted_fen     INTEGER NOT NULL,
    expected_fen    INTEGER NOT NULL,
    over_short_fen  INTEGER NOT NULL,
    approved_by     TEXT,
    at              INTEGER NOT NULL
  );
  `,
  /* v9: the print queue survives a restart, and the gateway's coupon_fee is kept.
     print_jobs: one row per receipt or drawer kick, with the document to render again
     (receipt data or a drawer kick as JSON: data, never sentences), its state
     (pending/printing/failed/printed/dismissed), attempts, the last error code and
     when to try next. Not AUTOINCREMENT: print jobs are not committed work the journal's
     sequence (identity.ts) counts. orders.coupon_fen: 代金券 from a paid pay/orderquery
     answer (null when the gateway did not say). */ `
  CREATE TABLE print_jobs (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    ref              TEXT NOT NULL,
    document         TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('pending','printing','failed','printed','dismissed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    next_attempt_at  INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
  );
  CREATE INDEX print_jobs_open ON print_jobs (id) WHERE state IN ('pending','printing','failed');
  ALTER TABLE orders ADD COLUMN coupon_fen INTEGER;
  `,
  /* v10: the handover between shifts. The closing cashier may declare
     cash taken out of the counted drawer (dropped to the safe); what is left is the
     next shift's proposed float. A shift records where its float came from: the
     shift it was carried from, the amount carried, who counted it, and the reason
     typed when the float differs from the carried amount. The day summary reads
     shifts by opening time. */ `
  ALTER TABLE drawer_counts ADD COLUMN taken_out_fen INTEGER NOT NULL DEFAULT 0 CHECK (taken_out_fen >= 0);
  ALTER TABLE shifts ADD COLUMN float_from_shift TEXT;
  ALTER TABLE shifts ADD COLUMN float_carried_fen INTEGER;
  ALTER TABLE shifts ADD COLUMN float_counted_by TEXT;
  ALTER TABLE shifts ADD COLUMN float_reason TEXT;
  CREATE INDEX shifts_opened ON shifts (opened_at);
  `,
  /* v11: the store holds every counter's drawer and operators, and
     operators and store settings flow down. The outbox is rebuilt (its kind CHECK
     widens: SQLite cannot alter one); its rows and its sequence are kept, and the
     triggers of v4/v8 keep writing to it by name. New triggers ship cash movements,
     drawer counts, the operator audit, operators (an edit: name, role, PIN hash,
     active, updated_at — never the lockout state) and the store settings. A row
     written by the pull (replication_state.applying = 1, inside the pull's own
     transaction) is not queued again, so an applied pull never bounces back.
     operators.updated_by: the counter whose edit this row is ('' = this one).
     store_settings: the store-wide settings as last set here or pulled (none = the
     local settings). replication_state.pulled_version: the store's pull cursor. */ `
  CREATE TEMP TABLE storesync_outbox AS SELECT * FROM outbox;
  CREATE TEMP TABLE storesync_seq AS SELECT seq FROM sqlite_sequence WHERE name = 'outbox';
  DROP TABLE outbox;
  CREATE TABLE outbox (
    seq   INTEGER PRIMARY KEY AUTOINCREMENT,
    kind  TEXT NOT NULL CHECK (kind IN ('order','refund','shift','audit','cash','count','op_audit','operator','store_settings')),
    key   TEXT NOT NULL,
    at    INTEGER NOT NULL
  );
  INSERT INTO outbox (seq, kind, key, at) SELECT seq, kind, key, at FROM storesync_outbox ORDER BY seq;
  DELETE FROM sqlite_sequence WHERE name = 'outbox';
  INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox', max(coalesce((SELECT seq FROM storesync_seq), 0), coalesce((SELECT max(seq) FROM outbox), 0))
    WHERE coalesce((SELECT seq FROM storesync_seq), 0) > 0 OR EXISTS (SELECT 1 FROM outbox);
  DROP TABLE storesync_outbox;
  DROP TABLE storesync_seq;
  ALTER TABLE replication_state ADD COLUMN applying INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE replication_state ADD COLUMN pulled_version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE operators ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
  CREATE TABLE store_settings (
    id                   INTEGER PRIMARY KEY CHECK (id = 1),
    store_name           TEXT NOT NULL,
    receipt_header       TEXT NOT NULL DEFAULT '',
    over_short_limit_fen INTEGER NOT NULL CHECK (over_short_limit_fen >= 0),
    updated_at           INTEGER NOT NULL,
    updated_by           TEXT NOT NULL DEFAULT ''
  );
  CREATE TRIGGER outbox_cash_insert AFTER INSERT ON cash_movements WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('cash', CAST(NEW.id AS TEXT), NEW.at); END;
  CREATE TRIGGER outbox_cash_update AFTER UPDATE ON cash_movements WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('cash', CAST(NEW.id AS TEXT), NEW.at); END;
  CREATE TRIGGER outbox_count_insert AFTER INSERT ON drawer_counts WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('count', NEW.shift_id, NEW.at); END;
  CREATE TRIGGER outbox_count_update AFTER UPDATE ON drawer_counts WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('count', NEW.shift_id, NEW.at); END;
  CREATE TRIGGER outbox_op_audit_insert AFTER INSERT ON operator_audit WHEN (SELECT enabled FROM replication_state WHERE id = 1) = 1
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('op_audit', CAST(NEW.id AS TEXT), NEW.at); END;
  CREATE TRIGGER outbox_operator_insert AFTER INSERT ON operators
    WHEN (SELECT enabled = 1 AND applying = 0 FROM replication_state WHERE id = 1)
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('operator', NEW.operator_no, NEW.updated_at); END;
  CREATE TRIGGER outbox_operator_update AFTER UPDATE OF name, role, pin_hash, active, updated_at ON operators
    WHEN (SELECT enabled = 1 AND applying = 0 FROM replication_state WHERE id = 1)
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('operator', NEW.operator_no, NEW.updated_at); END;
  CREATE TRIGGER outbox_store_settings_insert AFTER INSERT ON store_settings
    WHEN (SELECT enabled = 1 AND applying = 0 FROM replication_state WHERE id = 1)
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('store_settings', 'store', NEW.updated_at); END;
  CREATE TRIGGER outbox_store_settings_update AFTER UPDATE ON store_settings
    WHEN (SELECT enabled = 1 AND applying = 0 FROM replication_state WHERE id = 1)
    BEGIN INSERT INTO outbox (kind, key, at) VALUES ('store_settings', 'store', NEW.updated_at); END;
  `,
]
