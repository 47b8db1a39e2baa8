// The store database's schema (PostgreSQL), versioned like the journal's:
// append only — never edit a migration that has shipped; add a new one.
// Every row a counter sends carries its counter id and the outbox sequence
// number of the change that last wrote it, so a batch applied twice (or an
// older version arriving after a newer one) changes nothing.
export const STORE_MIGRATIONS: readonly string[] = [
  /* v1 */ `
  CREATE TABLE store_counters (
    counter_id      TEXT PRIMARY KEY,
    store_id        TEXT NOT NULL,
    last_seq        BIGINT NOT NULL DEFAULT 0,
    last_change_at  BIGINT,
    last_batch_at   TIMESTAMPTZ
  );

  CREATE TABLE store_orders (
    out_trade_no    TEXT PRIMARY KEY,
    counter_id      TEXT NOT NULL REFERENCES store_counters(counter_id),
    seq             BIGINT NOT NULL,
    method          TEXT NOT NULL,
    paytype         TEXT,
    amount_fen      BIGINT NOT NULL CHECK (amount_fen > 0),
    state           TEXT NOT NULL,
    refunded_fen    BIGINT NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0),
    cashier         TEXT NOT NULL,
    shift_id        TEXT,
    transaction_id  TEXT,
    attention       TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    paid_at         BIGINT
  );
  CREATE INDEX store_orders_paid ON store_orders (paid_at) WHERE state = 'paid' OR refunded_fen > 0;
  CREATE INDEX store_orders_counter_created ON store_orders (counter_id, created_at);
  CREATE INDEX store_orders_attention ON store_orders (created_at) WHERE attention IS NOT NULL OR state = 'review';

  CREATE TABLE store_refunds (
    out_refund_no   TEXT PRIMARY KEY,
    out_trade_no    TEXT NOT NULL,
    counter_id      TEXT NOT NULL REFERENCES store_counters(counter_id),
    seq             BIGINT NOT NULL,
    amount_fen      BIGINT NOT NULL CHECK (amount_fen > 0),
    state           TEXT NOT NULL,
    shift_id        TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
  );
  CREATE INDEX store_refunds_order ON store_refunds (out_trade_no);
  CREATE INDEX store_refunds_updated ON store_refunds (updated_at);

  CREATE TABLE store_shifts (
    counter_id      TEXT NOT NULL REFERENCES store_counters(counter_id),
    shift_id        TEXT NOT NULL,
    seq             BIGINT NOT NULL,
    cashier         TEXT NOT NULL,
    float_fen       BIGINT NOT NULL,
    opened_at       BIGINT NOT NULL,
    closed_at       BIGINT,
    PRIMARY KEY (counter_id, shift_id)
  );

  CREATE TABLE store_audit (
    counter_id      TEXT NOT NULL REFERENCES store_counters(counter_id),
    audit_id        BIGINT NOT NULL,
    seq             BIGINT NOT NULL,
    at              BIGINT NOT NULL,
    call            TEXT NOT NULL,
    ref             TEXT,
    outcome         TEXT NOT NULL,
    PRIMARY KEY (counter_id, audit_id)
  );

  -- Cross-counter refunds: the cap is enforced here, under a lock on the order's row,
  -- before any counter calls the gateway.
  CREATE TABLE store_refund_reservations (
    out_refund_no   TEXT PRIMARY KEY,
    out_trade_no    TEXT NOT NULL REFERENCES store_orders(out_trade_no),
    counter_id      TEXT NOT NULL,
    amount_fen      BIGINT NOT NULL CHECK (amount_fen > 0),
    state           TEXT NOT NULL CHECK (state IN ('reserved', 'confirmed', 'released')),
    created_at      BIGINT NOT NULL,
    settled_at      BIGINT
  );
  CREATE INDEX store_refund_reservations_order ON store_refund_reservations (out_trade_no);
  `,
  /* v2: the union of every counter's drawer and operators, and what
     flows down. Cash movements, drawer counts and the operator audit are rows of
     one counter (counter_id + seq, like v1's). Shifts gain who opened/closed them
     and their float's source (handover). Orders and refunds gain the operator.
     store_operators and store_settings are shared by every counter of a store
     (store_id): a change is kept only when it is newer by (updated_at, writer)
     — last writer wins, ties by counter id — and each kept change takes the next
     store_pull_version, which counters pull after (writers of these two tables
     hold an EXCLUSIVE lock on store_operators, so versions commit in order and a
     pull never skips one). */ `
  ALTER TABLE store_orders ADD COLUMN operator_no TEXT;
  ALTER TABLE store_refunds ADD COLUMN operator_no TEXT;
  ALTER TABLE store_shifts
    ADD COLUMN operator_no TEXT, ADD COLUMN closed_by TEXT, ADD COLUMN close_approver TEXT,
    ADD COLUMN float_from_shift TEXT, ADD COLUMN float_carried_fen BIGINT, ADD COLUMN float_counted_by TEXT, ADD COLUMN float_reason TEXT;

  CREATE TABLE store_cash_movements (
    counter_id      TEXT NOT NULL REFERENCES store_counters(counter_id),
    movement_id     BIGINT NOT NULL,
    seq             BIGINT NOT NULL,
    shift_id        TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('sale','refund','paid_in','paid_out','no_sale')),
    amount_fen      BIGINT NOT NULL CHECK (amount_fen >= 0),
    given_fen       BIGINT,
    change_fen      BIGINT,
    ref             TEXT,
    reason          TEXT NOT NULL DEFAULT '',
    cashier         TEXT NOT NULL,
    approved_by     TEXT,
    at              BIGINT NOT NULL,
    PRIMARY KEY (counter_id, movement_id)
  );
  CREATE INDEX store_cash_movements_at ON store_cash_movements (at);

  CREATE TABLE store_drawer_counts (
    counter_id      TEXT NOT NULL REFERENCES store_counters(counter_id),
    shift_id        TEXT NOT NULL,
    seq             BIGINT NOT NULL,
    denominations   TEXT NOT NULL,
    counted_fen     BIGINT NOT NULL,
    expected_fen    BIGINT NOT NULL,
    over_short_fen  BIGINT NOT NULL,
    taken_out_fen   BIGINT NOT NULL DEFAULT 0,
    approved_by     TEXT,
    at              BIGINT NOT NULL,
    PRIMARY KEY (counter_id, shift_id)
  );
  CREATE INDEX store_drawer_counts_at ON store_drawer_counts (at);

  CREATE TABLE store_operator_audit (
    counter_id      TEXT NOT NULL REFERENCES store_counters(counter_id),
    audit_id        BIGINT NOT NULL,
    seq             BIGINT NOT NULL,
    at              BIGINT NOT NULL,
    operator_no     TEXT,
    action          TEXT NOT NULL,
    outcome         TEXT NOT NULL CHECK (outcome IN ('ok','refused')),
    approver_no     TEXT,
    ref             TEXT,
    detail          TEXT,
    PRIMARY KEY (counter_id, audit_id)
  );
  CREATE INDEX store_operator_audit_at ON store_operator_audit (at);

  CREATE SEQUENCE store_pull_version;

  CREATE TABLE store_operators (
    store_id        TEXT NOT NULL,
    operator_no     TEXT NOT NULL,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('cashier','supervisor','manager')),
    pin_hash        TEXT NOT NULL,
    active          BOOLEAN NOT NULL,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    writer          TEXT NOT NULL,
    version         BIGINT NOT NULL,
    PRIMARY KEY (store_id, operator_no)
  );
  CREATE INDEX store_operators_version ON store_operators (store_id, version);

  CREATE TABLE store_settings (
    store_id              TEXT PRIMARY KEY,
    store_name            TEXT NOT NULL,
    receipt_header        TEXT NOT NULL DEFAULT '',
    over_short_limit_fen  BIGINT NOT NULL CHECK (over_short_limit_fen >= 0),
    updated_at            BIGINT NOT NULL,
    writer                TEXT NOT NULL,
    version               BIGINT NOT NULL
  );
  `,
]
