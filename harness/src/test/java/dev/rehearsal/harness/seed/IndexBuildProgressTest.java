package dev.rehearsal.harness.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexBuildProgressTest {

  @Test
  void aBuildSaysItsIndexPhaseCountsOfTheTotalAndAnEta() {
    IndexBuildProgress.Build b = new IndexBuildProgress.Build(42, "orders_created_at_idx", "orders",
        "building index: scanning table", 12_345, 45_678, 0, 0, 14.2);
    assertThat(IndexBuildProgress.line(b, 9.4)).isEqualTo(
        "  index orders_created_at_idx on orders, 14 s: building index: scanning table, 12,345 of 45,678 blocks (27%),"
            + " ETA 9 s");
    assertThat(IndexBuildProgress.line(b, 0.2)).endsWith("(27%), ETA <1 s");
  }

  @Test
  void tuplesCountWhenTheBlocksDoNotAndTheEtaWaitsForARate() {
    IndexBuildProgress.Build b = new IndexBuildProgress.Build(42, "orders_pkey", "orders",
        "building index: loading tuples in tree", 0, 0, 2_500_000, 20_000_000, 31);
    assertThat(IndexBuildProgress.line(b, Double.NaN)).isEqualTo(
        "  index orders_pkey on orders, 31 s: building index: loading tuples in tree, 2,500,000 of 20.0M tuples (13%)");
    IndexBuildProgress.Build waiting = new IndexBuildProgress.Build(42, "orders_pkey", "orders",
        "waiting for writers before build", 0, 0, 0, 0, 3);
    assertThat(IndexBuildProgress.line(waiting, 5)).isEqualTo(
        "  index orders_pkey on orders, 3 s: waiting for writers before build");
  }

  @Test
  void theEtaIsTheRateSoFarOverWhatIsLeft() {
    assertThat(IndexBuildProgress.eta(1_000, 2.0, 5_000)).isEqualTo(10.0);
    assertThat(IndexBuildProgress.eta(0, 2.0, 5_000)).isNaN();
  }

  @Test
  void theIndexIsNamedFromTheCatalogueElseFromTheStatement() {
    assertThat(IndexBuildProgress.name("public.orders_pkey", "whatever", "orders")).isEqualTo("public.orders_pkey");
    assertThat(IndexBuildProgress.name(null, "CREATE UNIQUE INDEX orders_ref_key ON public.orders USING btree (ref)",
        "orders")).isEqualTo("orders_ref_key");
    assertThat(IndexBuildProgress.name(null, "ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id)",
        "orders")).isEqualTo("orders_pkey");
    assertThat(IndexBuildProgress.name(null, "REINDEX TABLE orders", "orders")).isEqualTo("an index on orders");
  }

  @Test
  void buildStatusesPrintAsLinesAtMostEveryInterval() {
    List<String> printed = new ArrayList<>();
    SeedProgress progress = SeedProgress.lines(printed::add, 60);
    progress.indexBuilds(List.of("  index a on t, 3 s: building index: scanning table"));
    progress.indexBuilds(List.of("  index a on t, 4 s: building index: scanning table"));
    assertThat(printed).containsExactly("  index a on t, 3 s: building index: scanning table");
  }
}
