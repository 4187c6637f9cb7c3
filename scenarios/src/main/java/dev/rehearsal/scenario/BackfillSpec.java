package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * The batched backfill of expand-and-contract: {@code UPDATE table SET set WHERE key >= lo AND
 * key < lo + batchSize [AND (where)]} for consecutive key ranges, each batch its own
 * transaction, with {@code pause} between batches, until the range passes the largest key.
 *
 * @param key an integer, text/varchar or uuid column, usually the primary key (default {@code id});
 *     text and uuid keys are batched in key order, {@code batchSize} keys at a time (docs/steps.md)
 * @param where optional extra condition, e.g. {@code status IS NULL}
 */
public record BackfillSpec(
    String table, String set, String where, String key, int batchSize, Duration pause) {}
