package dev.rehearsal.bench;

import dev.rehearsal.harness.seed.TableLoader;
import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.copy.CopyBuffer;
import dev.rehearsal.harness.seed.copy.CopyFormat;
import dev.rehearsal.harness.seed.copy.CopyRows;
import dev.rehearsal.harness.seed.generate.ColumnGenerator;
import dev.rehearsal.harness.seed.generate.GeneratorFactory;
import dev.rehearsal.harness.seed.generate.GeneratorFactory.TableGenerators;
import dev.rehearsal.harness.seed.generate.GeneratorFactory.TablePlan;
import dev.rehearsal.scenario.ScenarioLoader;
import dev.rehearsal.scenario.TableSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The seeder's CPU cost per row on one core, without a database: generating a row's values and
 * encoding them as COPY binary into a reused {@link CopyBuffer}, one chunk of
 * {@value TableLoader#CHUNK_ROWS} rows per invocation. It calls the seeder's own per-chunk code,
 * {@link TableLoader#encodeChunk} (and {@link TableLoader#chunkHash}), so it times what a seeding
 * stream runs, minus the driver write: a change to the seeder's loop is a change to what is
 * measured here. Scores are per row ({@code @OperationsPerInvocation}): ns/row, and
 * rows/s = 1e9 / score.
 *
 * <ul>
 *   <li>{@code users}: the demo scenario's users table (bigint PK, unique email, name, plan,
 *       login_count, created_at, verified_at with 30% NULLs);
 *   <li>{@code pgbench_accounts}: the pgbench dataset's accounts (aid, bid, abalance,
 *       filler char(84)), the rows of {@code pgbench -i}.
 * </ul>
 *
 * <p>Both are planned for {@link #rows} rows (10M by default, the seed targets' size), since
 * some generators size themselves by the row count (e.g. the email's unique suffix). Each
 * invocation encodes the next chunk of the table, wrapping around at its end.
 * {@link #encodeChunkWithChecksum} adds the checksum the seeder computes per chunk for the
 * fingerprint (a CRC32C of the chunk's bytes, mixed with the chunk number).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SeedGeneration -wi 2 -i 3 -w 2 -r 2 -f 1}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SeedGenerationBenchmark {

  @Param({"users", "pgbench_accounts"})
  public String table;

  @Param({"10000000"})
  public long rows;

  private CopyBuffer buffer;
  private CopyRows encoder;
  private List<ColumnGenerator> generators;
  private final CRC32C crc = new CRC32C();
  private long chunks;
  private long chunk;

  @Setup
  public void setUp() {
    TableSpec spec = switch (table) {
      case "users" -> ScenarioLoader.builtin("demo").dataset().tables().get(0);
      case "pgbench_accounts" -> ScenarioLoader.builtin("pgbench").dataset().tables().stream()
          .filter(t -> t.name().equals("pgbench_accounts")).findFirst().orElseThrow();
      default -> throw new IllegalArgumentException("unknown table " + table);
    };
    spec = new TableSpec(spec.name(), rows, spec.columns());
    TablePlan plan = new TablePlan(spec, columnsOf(spec.name()));
    TableGenerators g = new GeneratorFactory(42, Map.of(spec.name(), plan)).forTable(spec.name());
    List<String> types = g.columns().stream().map(TableColumn::type).toList();
    CopyFormat format = CopyRows.formatFor(types);
    if (format != CopyFormat.BINARY) {
      throw new IllegalStateException(table + " would be copied as " + format + ", expected BINARY: " + types);
    }
    buffer = new CopyBuffer(1 << 21); // as TableLoader
    encoder = new CopyRows(types, format, buffer);
    generators = g.generators();
    chunks = (rows + TableLoader.CHUNK_ROWS - 1) / TableLoader.CHUNK_ROWS;
    chunk = 0;
  }

  /** The columns as SchemaCatalog reads them from the server after each scenario's DDL. */
  static List<TableColumn> columnsOf(String table) {
    return switch (table) {
      case "users" -> List.of(
          column("id", "bigint", false, true, true),
          column("email", "text", false, false, true),
          column("name", "text", false, false, false),
          column("plan", "text", false, false, false),
          column("login_count", "integer", false, false, false),
          column("created_at", "timestamp with time zone", false, false, false),
          column("verified_at", "timestamp with time zone", true, false, false));
      case "pgbench_accounts" -> List.of(
          column("aid", "integer", false, true, true),
          column("bid", "integer", true, false, false),
          column("abalance", "integer", true, false, false),
          column("filler", "character(84)", true, false, false));
      default -> throw new IllegalArgumentException("unknown table " + table);
    };
  }

  private static TableColumn column(String name, String type, boolean nullable, boolean primaryKey, boolean unique) {
    return new TableColumn(name, type, nullable, false, false, primaryKey, unique, null);
  }

  /** The next chunk, generated and encoded by the seeder's own loop; its number. */
  private long encodeNextChunk() {
    long encoding = chunk;
    TableLoader.encodeChunk(generators, encoder, encoding, rows);
    if (++chunk == chunks) {
      chunk = 0;
    }
    return encoding;
  }

  @Benchmark
  @OperationsPerInvocation(TableLoader.CHUNK_ROWS)
  public void encodeChunk(Blackhole bh) {
    bh.consume(encodeNextChunk());
    bh.consume(buffer.size());
    bh.consume(buffer.array());
  }

  @Benchmark
  @OperationsPerInvocation(TableLoader.CHUNK_ROWS)
  public long encodeChunkWithChecksum() {
    return TableLoader.chunkHash(crc, buffer, encodeNextChunk());
  }
}
