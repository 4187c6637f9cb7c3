package dev.rehearsal.harness.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

  @Test
  void parsesHostDatabaseAndParameters() {
    JdbcUrls.Parsed p = JdbcUrls.parse("jdbc:postgresql://db.example:6543/app?user=alice&password=s3cret&sslmode=require");
    assertThat(p.hostPort()).isEqualTo("db.example:6543");
    assertThat(p.database()).isEqualTo("app");
    assertThat(p.params()).containsEntry("user", "alice").containsEntry("sslmode", "require");
    assertThat(p.forDatabase("rehearsal_x")).isEqualTo("jdbc:postgresql://db.example:6543/rehearsal_x?sslmode=require");
  }

  @Test
  void redactsPasswordsInQueryAndUserInfo() {
    assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=a&password=s3cret&x=1"))
        .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&x=1");
    assertThat(JdbcUrls.redact("jdbc:postgresql://a:s3cret@h/db")).isEqualTo("jdbc:postgresql://a:***@h/db");
  }

  @Test
  void malformedUrlIsBadInputWithoutThePassword() {
    assertThatThrownBy(() -> JdbcUrls.parse("jdbc:postgresql://:5432/db?password=s3cret"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("malformed JDBC URL")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> JdbcUrls.parse("jdbc:mysql://h/db"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not a PostgreSQL JDBC URL");
  }

  @Test
  void userInfoBeforeTheHostIsRefusedSinceTheDriverWouldIgnoreIt() {
    assertThatThrownBy(() -> JdbcUrls.parse("jdbc:postgresql://alice:s3cret@db.example/app"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("USER:PASSWORD@ before the host is not read")
        .hasMessageContaining("fix: jdbc:postgresql://HOST[:PORT]/DATABASE?user=NAME")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void unknownPgVersionIsBadInput() {
    assertThatThrownBy(() -> EmbeddedBinaries.forMajor(14))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("PostgreSQL 14 has no embedded binaries")
        .hasMessageContaining("--pg-version 15, 16, 17 or 18");
  }

  @Test
  void containerCommandTurnsFsyncOnAndAppliesEverySetting() {
    assertThat(ContainerProvider.command(new java.util.LinkedHashMap<>(java.util.Map.of("shared_buffers", "256MB"))))
        .containsExactly("postgres", "-c", "fsync=on", "-c", "shared_buffers=256MB");
  }
}
