package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Flyway's version semantics, as the target check relies on them. */
class FlywayVersionTest {

  @Test
  void dotsAndUnderscoresSeparateTheSameParts() {
    assertThat(v("18.1")).isEqualTo(v("18_1")).hasSameHashCodeAs(v("18_1"));
    assertThat(v("18_1").text()).isEqualTo("18.1");
  }

  @Test
  void partsCompareAsNumbers() {
    assertThat(v("9")).isLessThan(v("10"));
    assertThat(v("017")).isEqualTo(v("17"));
    assertThat(v("1.10")).isGreaterThan(v("1.9"));
  }

  @Test
  void trailingZeroPartsAreIgnored() {
    assertThat(v("1.0")).isEqualTo(v("1")).hasSameHashCodeAs(v("1"));
  }

  @Test
  void aDottedVersionSitsBetweenItsNeighbours() {
    List<FlywayVersion> sorted = Stream.of("19", "18.1", "18", "2", "18.0.1")
        .map(FlywayVersionTest::v).sorted().toList();
    assertThat(sorted).extracting(FlywayVersion::text).containsExactly("2", "18", "18.0.1", "18.1", "19");
  }

  @Test
  void onlyDigitsAndSeparatorsAreVersions() {
    assertThat(FlywayVersion.parse("v17")).isEmpty();
    assertThat(FlywayVersion.parse("1..2")).isEmpty();
    assertThat(FlywayVersion.parse("")).isEmpty();
    assertThat(FlywayVersion.parse("latest")).isEmpty();
  }

  @Test
  void versionOfAMigrationFileName() {
    assertThat(FlywayVersion.ofFileName("V5_1__add_index.sql")).contains(v("5.1"));
    assertThat(FlywayVersion.ofFileName("V18__x.sql")).contains(v("18"));
    assertThat(FlywayVersion.ofFileName("R__view.sql")).isEmpty();
    assertThat(FlywayVersion.ofFileName("v2__lower.sql")).isEmpty();
    assertThat(FlywayVersion.ofFileName("V3_no_separator.sql")).isEmpty();
    assertThat(FlywayVersion.ofFileName("V4__notes.txt")).isEmpty();
  }

  private static FlywayVersion v(String text) {
    return FlywayVersion.parse(text).orElseThrow();
  }
}
