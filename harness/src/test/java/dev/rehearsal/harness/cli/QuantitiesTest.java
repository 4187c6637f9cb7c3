package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class QuantitiesTest {

  @Test
  void rowCountsAcceptSuffixes() {
    Quantities.RowCount rows = new Quantities.RowCount();
    assertThat(rows.convert("200k")).isEqualTo(200_000L);
    assertThat(rows.convert("10M")).isEqualTo(10_000_000L);
    assertThat(rows.convert("1.5k")).isEqualTo(1_500L);
    assertThat(rows.convert("50_000")).isEqualTo(50_000L);
  }

  @Test
  void badNumbersSayWhatIsExpected() {
    assertThatThrownBy(() -> new Quantities.RowCount().convert("lots"))
        .isInstanceOf(TypeConversionException.class).hasMessage("'lots' is not a row count (examples: 50000, 200k, 10M)");
    assertThatThrownBy(() -> new Quantities.Rate().convert("0"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'0': the rate must be greater than 0 operations per second");
  }

  @Test
  void sweepsAxesAreCommaSeparatedLists() throws Exception {
    assertThat(new Quantities.RowCounts().convert("200k,1M").values()).containsExactly(200_000L, 1_000_000L);
    assertThat(new Quantities.Rates().convert("100,1.5k").values()).containsExactly(100.0, 1_500.0);
    assertThat(new Quantities.Majors().convert("17,18")).hasToString("17,18");
    assertThatThrownBy(() -> new Quantities.RowCounts().convert("1M,,10M"))
        .isInstanceOf(TypeConversionException.class).hasMessage("'' is not a row count (examples: 50000, 200k, 10M)");
  }

  @Test
  void aListWhereOneValueGoesSaysHowToSweepIt() {
    assertThatThrownBy(() -> new Quantities.SingleRate().convert("100,500"))
        .hasMessage("--rate 100,500: this command takes one value\n"
            + "  fix: give one, or run every combination with 'rehearse sweep SCENARIO --rate A,B,...'");
  }
}
