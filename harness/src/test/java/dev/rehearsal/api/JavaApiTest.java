package dev.rehearsal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API's surface without a server: options, scenario loading, the two kinds of error. */
class JavaApiTest {

  @Test
  void optionsAreImmutableAndEachWithReturnsACopy() {
    RehearsalOptions base = RehearsalOptions.defaults();
    RehearsalOptions safe = base.withStrategy("safe").withPostgres("embedded").withRows(20_000).withRate(100)
        .withSeed(7).withOutputDirectory(Path.of("target/x")).withoutSeedCache();
    assertThat(base.strategy()).isNull();
    assertThat(base.postgres()).isEqualTo("auto");
    assertThat(base.seed()).isEqualTo(42);
    assertThat(base.outputDirectory()).isEqualTo(Path.of("rehearsal-out"));
    assertThat(base.seedCache()).isNotNull();
    assertThat(safe.strategy()).isEqualTo("safe");
    assertThat(safe.rows()).isEqualTo(20_000L);
    assertThat(safe.rate()).isEqualTo(100.0);
    assertThat(safe.seed()).isEqualTo(7);
    assertThat(safe.seedCache()).isNull();
    assertThat(safe.withScale(0.5).rows()).as("scale replaces rows").isNull();
    assertThat(safe).isEqualTo(base.withStrategy("safe").withPostgres("embedded").withRows(20_000).withRate(100)
        .withSeed(7).withOutputDirectory(Path.of("target/x")).withoutSeedCache());
  }

  @Test
  void anOptionOutOfRangeIsBadInputWithAFix() {
    assertThatThrownBy(() -> RehearsalOptions.defaults().withRows(-5))
        .isInstanceOf(RehearsalInputException.class).hasMessageContaining("withRows").hasMessageContaining("fix:")
        .satisfies(e -> assertThat(((RehearsalException) e).exitCode()).isEqualTo(2));
    assertThatThrownBy(() -> RehearsalOptions.defaults().withRate(0)).isInstanceOf(RehearsalInputException.class);
  }

  @Test
  void aPasswordInTheUrlNeverShowsInTheOptionsText() {
    assertThat(RehearsalOptions.defaults().withPostgres("jdbc:postgresql://h/db?password=secret").toString())
        .doesNotContain("secret");
  }

  @Test
  void aBrokenScenarioIsBadInputWithTheCommandLinesWhereAndFix(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "name: broken\nbogus: 1\n");
    assertThatThrownBy(() -> RehearsalScenario.load(file)).isInstanceOf(RehearsalInputException.class)
        .hasMessageContaining("broken.yaml:2:").hasMessageContaining("fix:");
  }

  @Test
  void aScenarioIsFoundOnTheClasspathInTheProjectDirectoryOrBuiltIn(@TempDir Path dir) throws Exception {
    assertThat(RehearsalScenario.locate("demo", dir, getClass().getClassLoader()).strategies())
        .containsExactly("add-column-default", "lock-timeout-retry");
    Path own = Path.of("src/test/resources/own-project/flyway/scenario.yaml");
    assertThat(RehearsalScenario.locate("own-project/flyway/scenario.yaml", dir, getClass().getClassLoader()).name())
        .isEqualTo("own-flyway-project");
    assertThat(RehearsalScenario.locate(own.toString(), Path.of("."), null).name()).isEqualTo("own-flyway-project");
    assertThatThrownBy(() -> RehearsalScenario.locate("nowhere.yaml", dir, getClass().getClassLoader()))
        .isInstanceOf(RehearsalInputException.class).hasMessageContaining("the classpath")
        .hasMessageContaining(dir.resolve("nowhere.yaml").toString()).hasMessageContaining("fix:");
  }
}
