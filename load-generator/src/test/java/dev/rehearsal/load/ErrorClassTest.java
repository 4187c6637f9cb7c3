package dev.rehearsal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorClassTest {

  @Test
  void classifiesBySqlState() {
    assertThat(ErrorClass.of(new SQLException("x", "55P03"))).isEqualTo(ErrorClass.LOCK_TIMEOUT);
    assertThat(ErrorClass.of(new SQLException("x", "57014"))).isEqualTo(ErrorClass.STATEMENT_TIMEOUT);
    assertThat(ErrorClass.of(new SQLException("x", "40P01"))).isEqualTo(ErrorClass.DEADLOCK);
    assertThat(ErrorClass.of(new SQLException("x", "08006"))).isEqualTo(ErrorClass.CONNECTION);
    assertThat(ErrorClass.of(new SQLException("x", "57P01"))).isEqualTo(ErrorClass.CONNECTION);
    assertThat(ErrorClass.of(new SQLException("x", "23505"))).isEqualTo(ErrorClass.OTHER);
  }

  @Test
  void findsTheStateInTheCauseChain() {
    SQLException wrapped = new SQLException("wrapper", null, new SQLException("inner", "55P03"));
    assertThat(ErrorClass.of(wrapped)).isEqualTo(ErrorClass.LOCK_TIMEOUT);
  }

  @Test
  void paramGeneratorsStayInRangeAndNewKeysNeverRepeat() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    ParamGenerator existing = ParamGenerators.existingKey(10);
    ParamGenerator fresh = ParamGenerators.newKey(10);
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat((Long) existing.next(r)).isBetween(1L, 10L);
      Object k = fresh.next(r);
      assertThat((Long) k).isGreaterThan(10L);
      assertThat(seen.add(k)).isTrue();
    }
  }
}
