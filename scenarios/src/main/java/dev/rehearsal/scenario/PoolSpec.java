package dev.rehearsal.scenario;

import java.time.Duration;

/**
 * The application's HikariCP pool.
 *
 * @param maximumPoolSize maximumPoolSize (default 10)
 * @param connectionTimeout how long a request waits for a connection before failing (default 2s)
 * @param statementTimeout the application's statement_timeout, or null for the server's
 */
public record PoolSpec(int maximumPoolSize, Duration connectionTimeout, Duration statementTimeout) {}
