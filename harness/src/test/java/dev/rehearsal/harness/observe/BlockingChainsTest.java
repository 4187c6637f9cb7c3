package dev.rehearsal.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.observe.BlockingChains.Chain;
import dev.rehearsal.harness.observe.LockSample.HeldLock;
import dev.rehearsal.harness.observe.LockSample.Session;
import dev.rehearsal.harness.observe.LockSample.Waiter;
import dev.rehearsal.load.ApplicationNames;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pg_blocking_pids() followed to the root, and whether the migration is on the way. */
class BlockingChainsTest {

  private static final int MIG = 100;
  private static final int REPORT = 4242;

  private static Waiter waiter(int pid, String app, int... blockers) {
    return new Waiter(pid, app, 1_000_000L + pid, 50.0, 16_400L, "accounts", "RowExclusiveLock", "relation",
        blockers);
  }

  private static Waiter app(int pid, int... blockers) {
    return waiter(pid, ApplicationNames.LOAD, blockers);
  }

  private static Session session(int pid, String app, String state, String query) {
    return new Session(pid, app, state, query);
  }

  private static LockSample sample(List<Waiter> waiters, List<HeldLock> held, Session... sessions) {
    Map<Integer, Session> map = new HashMap<>();
    Arrays.stream(sessions).forEach(s -> map.put(s.pid(), s));
    return new LockSample(0L, waiters, held, map);
  }

  private static final HeldLock MIGRATION_HOLDS = new HeldLock(MIG, 16_400L, "accounts", "AccessExclusiveLock", null);

  @Test
  void aMigrationHoldingTheLockIsTheRoot() {
    Waiter w = app(201, MIG);
    BlockingChains chains = new BlockingChains(sample(List.of(w), List.of(MIGRATION_HOLDS)));
    assertThat(chains.of(w)).isEqualTo(new Chain(true, MIG));
    assertThat(chains.isMigration(MIG)).isTrue();
    assertThat(chains.isMigration(201)).isFalse();
    assertThat(chains.migrationWaiting()).isFalse();
  }

  @Test
  void theMigrationIsKnownByItsApplicationNameWhenItHoldsNoRelationLock() {
    // a row lock held by the migration's UPDATE: only pg_stat_activity tells who pid 100 is
    Waiter w = app(201, MIG);
    BlockingChains chains = new BlockingChains(sample(List.of(w), List.of(),
        session(MIG, ApplicationNames.MIGRATION, "active", "UPDATE accounts SET x = 1")));
    assertThat(chains.of(w)).isEqualTo(new Chain(true, MIG));
  }

  @Test
  void aWaiterQueuedBehindTheWaitingMigrationHasTheReportQueryAsRoot() {
    Waiter migration = waiter(MIG, ApplicationNames.MIGRATION, REPORT);
    Waiter w = app(201, MIG);
    BlockingChains chains = new BlockingChains(sample(List.of(w, migration), List.of(),
        session(REPORT, ApplicationNames.REPORT, "active", "SELECT count(*) FROM accounts")));
    assertThat(chains.of(w)).isEqualTo(new Chain(true, REPORT));
    assertThat(chains.of(migration)).isEqualTo(new Chain(false, REPORT));
    assertThat(chains.migrationWaiting()).isTrue();
    assertThat(chains.isMigration(MIG)).isTrue();
  }

  @Test
  void aLongChainIsFollowedToItsEnd() {
    // 201 -> 202 -> 203 -> migration (waiting) -> report
    Waiter a = app(201, 202);
    Waiter b = app(202, 203);
    Waiter c = app(203, MIG);
    Waiter m = waiter(MIG, ApplicationNames.MIGRATION, REPORT);
    BlockingChains chains = new BlockingChains(sample(List.of(a, b, c, m), List.of()));
    assertThat(chains.of(a)).isEqualTo(new Chain(true, REPORT));
    assertThat(chains.of(b)).isEqualTo(new Chain(true, REPORT));
  }

  @Test
  void aChainWithoutTheMigrationIsNotTheMigrations() {
    Waiter a = app(201, 202);
    Waiter b = app(202, 203);
    BlockingChains chains = new BlockingChains(sample(List.of(a, b), List.of(MIGRATION_HOLDS)));
    assertThat(chains.of(a)).isEqualTo(new Chain(false, 203));
    assertThat(chains.migrationWaiting()).isFalse();
  }

  @Test
  void noBlockersNoRoot() {
    Waiter w = app(201);
    BlockingChains chains = new BlockingChains(sample(List.of(w), List.of()));
    assertThat(chains.of(w)).isEqualTo(new Chain(false, null));
  }

  @Test
  void ofSeveralBlockersAnyOneBeingTheMigrationMakesItTheMigrations() {
    // a holder (the report) and a session queued ahead (the migration) both conflict
    Waiter w = app(201, REPORT, MIG);
    BlockingChains chains = new BlockingChains(sample(List.of(w), List.of(MIGRATION_HOLDS)));
    Chain chain = chains.of(w);
    assertThat(chain.throughMigration()).isTrue();
    assertThat(chain.rootPid()).isEqualTo(REPORT); // the first root found, in pg_blocking_pids order
  }

  @Test
  void theMigrationBehindAWaitingBlockerIsFoundToo() {
    // first blocker waits on the migration; the second is a root that has nothing to do with it
    Waiter a = app(201, 202, 203);
    Waiter b = app(202, MIG);
    BlockingChains chains = new BlockingChains(sample(List.of(a, b), List.of(MIGRATION_HOLDS)));
    Chain chain = chains.of(a);
    assertThat(chain.throughMigration()).isTrue();
    assertThat(chain.rootPid()).isEqualTo(203); // found before pid 100, a step further down
  }

  @Test
  void aCycleEnds() {
    // a deadlock in the making: 201 and 202 wait for each other
    Waiter a = app(201, 202);
    Waiter b = app(202, 201);
    BlockingChains chains = new BlockingChains(sample(List.of(a, b), List.of()));
    assertThat(chains.of(a)).isEqualTo(new Chain(false, null));
    assertThat(chains.of(b)).isEqualTo(new Chain(false, null));
  }

  @Test
  void aCycleFurtherDownEndsAndStillSeesTheMigration() {
    // 201 -> 202 -> migration -> 202 ...: 201 is not in the cycle
    Waiter a = app(201, 202);
    Waiter b = app(202, MIG);
    Waiter m = waiter(MIG, ApplicationNames.MIGRATION, 202);
    BlockingChains chains = new BlockingChains(sample(List.of(a, b, m), List.of()));
    assertThat(chains.of(a)).isEqualTo(new Chain(true, null));
    assertThat(chains.of(m)).isEqualTo(new Chain(false, null));
  }

  @Test
  void aBlockerListedTwiceIsVisitedOnce() {
    Waiter a = app(201, 202, 203);
    Waiter b = app(202, 204);
    Waiter c = app(203, 204);
    BlockingChains chains = new BlockingChains(sample(List.of(a, b, c), List.of()));
    assertThat(chains.of(a)).isEqualTo(new Chain(false, 204));
  }

  @Test
  void describeSaysWhoTheRootIs() {
    String longQuery = "SELECT " + "x, ".repeat(60) + "y FROM t";
    BlockingChains chains = new BlockingChains(sample(List.of(), List.of(),
        session(REPORT, ApplicationNames.REPORT, "active", "  SELECT count(*)\n\t FROM   accounts  "),
        session(7, "", "idle in transaction", null),
        session(8, null, "active", longQuery)));
    assertThat(chains.describe(null)).isNull();
    assertThat(chains.describe(999)).isEqualTo("pid 999");
    assertThat(chains.describe(REPORT))
        .isEqualTo("pid 4242 (rehearsal-report, active: SELECT count(*) FROM accounts)");
    assertThat(chains.describe(7)).isEqualTo("pid 7 (no application_name, idle in transaction)");
    String eight = chains.describe(8);
    assertThat(eight).startsWith("pid 8 (no application_name, active: SELECT x, x,").endsWith("...)");
    assertThat(eight.substring(eight.indexOf(": ") + 2, eight.length() - 1)).hasSize(120);
  }
}
