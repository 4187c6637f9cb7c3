package dev.rehearsal.api;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.UnavailableException;
import dev.rehearsal.scenario.ScenarioException;
import java.util.function.Supplier;

/** The harness's failures as the API's two exception types; anything else (a bug) passes through. */
final class Failures {

  private Failures() {}

  static <T> T translated(Supplier<T> action) {
    try {
      return action.get();
    } catch (UnavailableException e) {
      throw new RehearsalInfrastructureException(e.getMessage(), e, true, null);
    } catch (ScenarioException | BadInputException e) {
      throw new RehearsalInputException(e.getMessage(), e);
    } catch (InfrastructureException e) {
      throw new RehearsalInfrastructureException(e.getMessage(), e, false, null);
    }
  }
}
