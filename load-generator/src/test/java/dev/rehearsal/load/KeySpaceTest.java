package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeySpaceTest {

  private final SplittableRandom random = new SplittableRandom(17);

  @Test
  void denseKeysAreDrawnFromTheRangeAndNewOnesFollowIt() {
    KeySpace keys = new KeySpace.Dense(1_001, 2_000);
    ParamGenerator uniform = keys.existing("uniform", 1.0);
    ParamGenerator zipfian = keys.existing("zipfian", 1.0);
    int lowest = 0;
    for (int i = 0; i < 10_000; i++) {
      assertThat((Long) uniform.next(random)).isBetween(1_001L, 2_000L);
      long z = (Long) zipfian.next(random);
      assertThat(z).isBetween(1_001L, 2_000L);
      lowest += z == 1_001 ? 1 : 0;
    }
    // the lowest key is the hottest: 1 / H(1000) = 13 % of the draws
    assertThat(lowest / 10_000.0).isBetween(0.11, 0.16);
    ParamGenerator fresh = keys.fresh();
    assertThat(fresh.next(random)).isEqualTo(2_001L);
    assertThat(fresh.next(random)).isEqualTo(2_002L);
    assertThat(keys.describe()).isEqualTo("ids 1,001..2,000");
  }

  @Test
  void sampledKeysAreOnlyKeysOfTheSampleAndZipfianFavoursTheFirst() {
    List<Object> sample = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      sample.add(String.format("k%04d", i));
    }
    KeySpace keys = new KeySpace.Sampled(sample, "text", 80_000,
        new KeySpace.NewKeys.Prefixed("rh-", 40));
    Set<Object> members = new HashSet<>(sample);
    Map<Object, Integer> zipfian = new HashMap<>();
    ParamGenerator uniform = keys.existing("uniform", 1.0);
    ParamGenerator hot = keys.existing("zipfian", 1.0);
    for (int i = 0; i < 20_000; i++) {
      assertThat(members).contains(uniform.next(random));
      zipfian.merge(hot.next(random), 1, Integer::sum);
    }
    assertThat(members).containsAll(zipfian.keySet());
    // 1 / H(500) = 14.7 % on the first key of the sample
    assertThat(zipfian.get("k0000") / 20_000.0).isBetween(0.12, 0.17);
    assertThat(keys.describe()).isEqualTo("a sample of 500 of 80,000 text keys");
  }

  @Test
  void newTextKeysNeverCollideWithTheKeysTheirPrefixWasCheckedAgainst() {
    // keys that begin with the first candidates, so that the choice must pass over them
    Set<String> existing = new HashSet<>(List.of("rh-1", "rh-2", "rh~a", "~", "~1", "_x", "alice", "rh_"));
    for (int i = 0; i < 1_000; i++) {
      existing.add(Long.toString(i, 36));
    }
    KeySpace.NewKeys.Prefixed prefixed = KeySpace.NewKeys.Prefixed.choose(12,
        prefix -> existing.stream().noneMatch(k -> k.startsWith(prefix)));
    assertThat(prefixed.prefix()).isEqualTo("rh0-");
    ParamGenerator fresh = prefixed.generator();
    Set<Object> made = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String key = (String) fresh.next(random);
      assertThat(key.length()).isLessThanOrEqualTo(12);
      assertThat(existing).doesNotContain(key);
      assertThat(made.add(key)).isTrue();
    }
  }

  @Test
  void aShortColumnGetsAShortPrefixOrNone() {
    assertThat(KeySpace.NewKeys.Prefixed.choose(5, prefix -> !prefix.startsWith("rh")).prefix()).isEqualTo("~");
    assertThat(KeySpace.NewKeys.Prefixed.choose(3, prefix -> true)).isNull();
    ParamGenerator tiny = ParamGenerators.prefixedKey("~", 2);
    for (int i = 0; i < 34; i++) { // ~1 .. ~y
      tiny.next(random);
    }
    assertThat(tiny.next(random)).isEqualTo("~z");
    assertThatThrownBy(() -> tiny.next(random)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("longer than the key column's 2 characters");
  }

  @Test
  void newUuidsAreVersion4AndNeverRepeatNorHitTheSample() {
    List<Object> sample = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      sample.add(UUID.randomUUID());
    }
    KeySpace keys = new KeySpace.Sampled(sample, "uuid", 1_000, new KeySpace.NewKeys.RandomUuids());
    ParamGenerator fresh = keys.fresh();
    Set<Object> made = new HashSet<>(sample);
    for (int i = 0; i < 100_000; i++) {
      UUID id = (UUID) fresh.next(random);
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(made.add(id)).isTrue();
    }
  }

  @Test
  void anEmptyTableHasNoKeyToDraw() {
    KeySpace keys = new KeySpace.Sampled(List.of(), "uuid", 0, new KeySpace.NewKeys.RandomUuids());
    assertThatThrownBy(() -> keys.existing("uniform", 1).next(random)).isInstanceOf(IllegalStateException.class);
  }
}
