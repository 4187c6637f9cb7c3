package dev.rehearsal.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package tree follows the pipeline (docs/architecture.md): each stage depends only on the
 * stages before it and the shared model, never on the commands that drive it.
 */
class ArchitectureTest {

  private static final String H = "dev.rehearsal.harness.";
  private static JavaClasses harness;

  @BeforeAll
  static void importHarness() {
    harness = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.rehearsal.harness");
  }

  @Test
  void theJavaApiSitsOnTopLikeTheCommandLine() {
    JavaClasses withApi = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.rehearsal.harness", "dev.rehearsal.api");
    noClasses().that().resideInAPackage("dev.rehearsal.harness..").should().dependOnClassesThat()
        .resideInAPackage("dev.rehearsal.api..").check(withApi);
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.rehearsal.harness.(*)..").should().beFreeOfCycles().check(harness);
  }

  @Test
  void onlyTheCommandLineDependsOnItself() {
    noClasses().that().resideOutsideOfPackage(H + "cli..").should().dependOnClassesThat()
        .resideInAPackage(H + "cli..").check(harness);
  }

  @Test
  void nothingBelowTheCommandsDependsOnTheirPipelines() {
    noClasses().that().resideOutsideOfPackages(H + "cli..", H + "run..").should().dependOnClassesThat()
        .resideInAPackage(H + "run..").check(harness);
  }

  @Test
  void judgingNeedsNoServerNoMeasurementAndNoClock() {
    noClasses().that().resideInAPackage(H + "judge..").should().dependOnClassesThat().resideInAnyPackage(
        H + "provision..", H + "seed..", H + "migrate..", H + "observe..", H + "measure..", H + "figures..",
        H + "check..", H + "history..", "dev.rehearsal.load..", "java.sql..").check(harness);
    noClasses().that().resideInAPackage(H + "judge..").should().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().dependOnClassesThat().belongToAnyOf(java.time.Clock.class, java.time.Instant.class)
        .check(harness);
  }

  @Test
  void figuresAreComputedWithoutAServer() {
    noClasses().that().resideInAPackage(H + "figures..").should().dependOnClassesThat().resideInAnyPackage(
        H + "provision..", H + "seed..", H + "check..", H + "judge..", H + "history..", "java.sql..").check(harness);
  }

  @Test
  void theLoadWindowDoesNotJudgeOrReport() {
    noClasses().that().resideInAPackage(H + "measure..").should().dependOnClassesThat().resideInAnyPackage(
        H + "figures..", H + "judge..", H + "seed..").check(harness);
  }

  @Test
  void seedingDoesNotReachIntoMigrations() {
    noClasses().that().resideInAPackage(H + "seed..").should().dependOnClassesThat().resideInAnyPackage(
        H + "migrate..", H + "observe..", H + "measure..", H + "figures..", H + "check..", H + "judge..")
        .check(harness);
  }

  @Test
  void theMigrationHistoryToolsKnowNothingOfThePipeline() {
    noClasses().that().resideInAPackage(H + "history..").should().dependOnClassesThat().resideInAnyPackage(
        H + "cli..", H + "run..", H + "provision..", H + "seed..", H + "migrate..", H + "observe..",
        H + "measure..", H + "figures..", H + "check..", H + "judge..").check(harness);
  }
}
