package dev.rehearsal.junit;

/**
 * Entry point of the assertions on a {@link RehearsalResult}:
 * {@code import static dev.rehearsal.junit.RehearsalAssertions.assertThat;}.
 */
public final class RehearsalAssertions {

  private RehearsalAssertions() {}

  public static RehearsalResultAssert assertThat(RehearsalResult actual) {
    return new RehearsalResultAssert(actual);
  }
}
