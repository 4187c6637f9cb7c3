package dev.rehearsal.load;

import java.time.Duration;

/**
 * The application's pool, configured like production's.
 *
 * @param statementTimeout the application's statement_timeout, or null to use the server's
 */
public record PoolConfig(int maximumPoolSize, Duration connectionTimeout, Duration statementTimeout) {}
