package com.example.orders;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;

import dev.rehearsal.junit.Rehearse;
import dev.rehearsal.junit.RehearsalResult;

/**
 * V3 rehearsed under the orders service's traffic before it ships: the rewritten migration must
 * stay within budget, and the one as first written must be caught. Both tests share one PostgreSQL
 * server and one seeding; the reports are in target/rehearsal/com.example.orders.OrdersMigrationTest/.
 */
class OrdersMigrationTest {

  @Rehearse(scenario = "rehearsal/orders.yaml", strategy = "safe")
  void safeV3StaysWithinBudget(RehearsalResult result) {
    assertThat(result).passes().blockedSessionSecondsBelow(3.0);
  }

  @Rehearse(scenario = "rehearsal/orders.yaml", strategy = "naive")
  void naiveV3QueuesTheServiceBehindTheExport(RehearsalResult result) {
    assertThat(result).hasCriticalBreachOf("blockedSessionSeconds").headlineContains("blockedSessionSeconds");
  }
}
