package dev.rehearsal.harness.seed.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyColumnsTest {

  @Test
  void aKeyIsLookedUpAsTheServerFoldsItsName() {
    assertThat(KeyColumns.attributeName("Code")).isEqualTo("code");
    assertThat(KeyColumns.attributeName(" id ")).isEqualTo("id");
    assertThat(KeyColumns.attributeName("\"Code\"")).isEqualTo("Code");
    assertThat(KeyColumns.attributeName("\"a\"\"b\"")).isEqualTo("a\"b");
  }

  @Test
  void integerTextAndUuidKeysAreKnownAndEveryOtherTypeIsNot() {
    assertThat(KeyColumn.kindOf("int8")).isEqualTo(KeyColumn.Kind.INTEGER);
    assertThat(KeyColumn.kindOf("int2")).isEqualTo(KeyColumn.Kind.INTEGER);
    assertThat(KeyColumn.kindOf("varchar")).isEqualTo(KeyColumn.Kind.TEXT);
    assertThat(KeyColumn.kindOf("text")).isEqualTo(KeyColumn.Kind.TEXT);
    assertThat(KeyColumn.kindOf("uuid")).isEqualTo(KeyColumn.Kind.UUID);
    assertThat(KeyColumn.kindOf("bpchar")).isEqualTo(KeyColumn.Kind.OTHER);
    assertThat(KeyColumn.kindOf("jsonb")).isEqualTo(KeyColumn.Kind.OTHER);
    assertThat(KeyColumn.kindOf("numeric")).isEqualTo(KeyColumn.Kind.OTHER);
  }
}
