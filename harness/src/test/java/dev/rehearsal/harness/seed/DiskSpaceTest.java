package dev.rehearsal.harness.seed;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset larger than the free disk is refused before loading, saying how much it needs. */
class DiskSpaceTest {

  @Test
  void moreThanTheFreeDiskIsBadInputWithTheSizes(@TempDir Path dir) {
    assertThatThrownBy(() -> DiskSpace.check(Long.MAX_VALUE / 2, dir))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("the dataset needs about")
        .hasMessageContaining("is free at " + dir)
        .hasMessageContaining("fix: lower --rows or --scale");
  }

  @Test
  void whatFitsPasses(@TempDir Path dir) {
    assertThatCode(() -> DiskSpace.check(1024, dir)).doesNotThrowAnyException();
  }
}
