package dev.rehearsal.scenario;

import java.util.Map;

/**
 * PostgreSQL server settings the rehearsal server must run with, exactly as they would appear
 * in postgresql.conf ({@code shared_buffers: 256MB}). Every provider applies the same map, so
 * the rehearsal server behaves like production rather than like a test fixture.
 *
 * @param settings setting name to value, in declaration order; never null
 */
public record ServerSpec(Map<String, String> settings) {}
