package dev.rehearsal.bench;

import dev.rehearsal.load.LoadRecorder;
import dev.rehearsal.load.ParamGenerator;
import dev.rehearsal.load.ParamGenerators;
import dev.rehearsal.load.ledger.TableLedger;
import dev.rehearsal.load.ledger.WriteLedger;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request overhead the load generator adds on its hot path: drawing parameters,
 * recording a finished operation ({@link LoadRecorder#record}: latency and service time into
 * shared HdrHistogram Recorders, the success count) from several threads, and a write-ledger
 * entry. Tens of thousands of requests a second need each to stay well under a microsecond.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RecordingBenchmark {

  private final Recorder recorder = new Recorder(1, TimeUnit.MINUTES.toMicros(10), 3);
  private final ParamGenerator existingKey = ParamGenerators.existingKey(10_000_000);
  private final ParamGenerator text = ParamGenerators.text(16);
  private final ParamGenerator zipfianKey = ParamGenerators.zipfianKey(10_000_000, 1.0);
  private final WriteLedger writeLedger = new WriteLedger();
  private final TableLedger ledger = writeLedger.table("users");
  private final int[] ledgerColumns = ledger.shape(List.of("id", "login_count"));
  private LoadRecorder loadRecorder;

  @Setup
  public void setUp() throws IOException {
    loadRecorder = new LoadRecorder(List.of("read"), List.of(), null);
  }

  @TearDown
  public void tearDown() throws IOException {
    loadRecorder.close();
    writeLedger.close();
  }

  @State(Scope.Thread)
  public static class ThreadRandom {
    final SplittableRandom random = new SplittableRandom(42);
  }

  @Benchmark
  @Threads(2)
  public void recordLatency(ThreadRandom r) {
    recorder.recordValue(1 + r.random.nextInt(5_000));
  }

  /** What the engine does once per finished operation. */
  @Benchmark
  @Threads(2)
  public void recordOperation(ThreadRandom r) {
    long end = System.nanoTime();
    loadRecorder.record("read", end - 1_000 - r.random.nextInt(5_000_000), end - 1_000, end, null);
  }

  /** One acknowledged row write, over a million distinct keys: appended to the ledger's file. */
  @Benchmark
  @Threads(2)
  public void ledgerWrite(ThreadRandom r) {
    long now = System.nanoTime();
    ledger.record(r.random.nextInt(1_000_000), ledgerColumns, new long[] {r.random.nextLong()}, false, now - 500, now);
  }

  @Benchmark
  public Object zipfianKeyParam(ThreadRandom r) {
    return zipfianKey.next(r.random);
  }

  @Benchmark
  public Object existingKeyParam(ThreadRandom r) {
    return existingKey.next(r.random);
  }

  @Benchmark
  public Object textParam(ThreadRandom r) {
    return text.next(r.random);
  }
}
