package dev.rehearsal.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's configuration handling, without a server; the whole goal runs in examples/ (invoker). */
class RehearseMojoTest {

  @TempDir
  Path project;

  private RehearseMojo mojo() {
    RehearseMojo mojo = new RehearseMojo();
    mojo.basedir = project.toFile();
    mojo.outputDirectory = new File(project.toFile(), "target/rehearsal");
    mojo.postgres = "embedded";
    mojo.failOn = "critical";
    mojo.seed = 42;
    return mojo;
  }

  @Test
  void skipRehearsesNothing() throws Exception {
    RehearseMojo mojo = mojo();
    mojo.skip = true;
    mojo.scenario = "does-not-exist.yaml";
    mojo.execute();
    assertThat(project.resolve("target")).doesNotExist();
  }

  @Test
  void noScenarioFailsTheBuildWithTheFix() {
    assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("no scenario configured").hasMessageContaining("fix:");
  }

  @Test
  void anUnknownFailOnLevelFailsTheBuildWithTheFix() {
    RehearseMojo mojo = mojo();
    mojo.scenario = "demo";
    mojo.failOn = "sometimes";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("failOn sometimes").hasMessageContaining("fix: use critical or warn");
  }

  @Test
  void aBrokenScenarioFailsTheBuildWithWhereAndFix() throws Exception {
    Files.createDirectories(project.resolve("rehearsal"));
    Files.writeString(project.resolve("rehearsal/orders.yaml"), "name: orders\nbogus: 1\n");
    RehearseMojo mojo = mojo();
    mojo.scenario = "rehearsal/orders.yaml";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("orders.yaml:2:").hasMessageContaining("fix:");
  }

  @Test
  void aMissingScenarioSaysWhereItLooked() {
    RehearseMojo mojo = mojo();
    mojo.scenario = "rehearsal/missing.yaml";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(project.resolve("rehearsal/missing.yaml").toString()).hasMessageContaining("fix:");
  }
}
