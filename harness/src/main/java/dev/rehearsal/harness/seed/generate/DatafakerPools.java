package dev.rehearsal.harness.seed.generate;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import net.datafaker.Faker;

/**
 * Pre-built pools of Datafaker values. A per-row Datafaker call costs 0.3-2 us and would cap
 * loading near 335k rows/s; a pool of a few thousand values, built once per (expression, size,
 * seed) and shared by all streams, costs nothing per row and looks the same in a table.
 */
final class DatafakerPools {

  /** The named generators and the expressions behind them. */
  static final Map<String, String> NAMED = Map.of(
      "name", "#{Name.fullName}",
      "firstName", "#{Name.firstName}",
      "lastName", "#{Name.lastName}",
      "company", "#{Company.name}",
      "city", "#{Address.city}",
      "address", "#{Address.streetAddress}",
      "phone", "#{PhoneNumber.phoneNumber}");

  static final int DEFAULT_SIZE = 10_000;

  private static final Map<String, byte[][]> CACHE = new ConcurrentHashMap<>();

  private DatafakerPools() {}

  /** {@code size} values of {@code expression}; the same arguments always give the same pool. */
  static byte[][] pool(String expression, int size, long seed) {
    return CACHE.computeIfAbsent(expression + '\u0000' + size + '\u0000' + seed, key -> build(expression, size, seed));
  }

  /** Lowercase ASCII letters only, for e-mail local parts ("O'Keefe" -> "okeefe"). */
  static byte[][] asciiLowercase(byte[][] pool) {
    byte[][] out = new byte[pool.length][];
    for (int i = 0; i < pool.length; i++) {
      String s = new String(pool[i], java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
      out[i] = Utf8.bytes(s.isEmpty() ? "user" : s);
    }
    return out;
  }

  private static byte[][] build(String expression, int size, long seed) {
    Faker faker = new Faker(Locale.ENGLISH, new Random(Rng.seed(seed, expression)));
    byte[][] values = new byte[size][];
    for (int i = 0; i < size; i++) {
      String value;
      try {
        value = faker.expression(expression);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Datafaker cannot evaluate " + expression + ": " + e.getMessage(), e);
      }
      if (value == null || value.equals(expression)) {
        throw new IllegalArgumentException("Datafaker does not know " + expression);
      }
      values[i] = Utf8.bytes(value.replace('\u0000', ' '));
    }
    return values;
  }
}
