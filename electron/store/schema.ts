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
]
