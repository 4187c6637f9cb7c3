package dev.rehearsal.bench;

import dev.rehearsal.load.ParamGenerator;
import dev.rehearsal.load.ParamGenerators;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request overhead the load generator adds on its hot path: drawing parameters and
 * recording a latency into a shared HdrHistogram Recorder from several threads. Tens of thousands
 * of requests a second need this to stay well under a microsecond.
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

  @State(Scope.Thread)
  public static class ThreadRandom {
    final SplittableRandom random = new SplittableRandom(42);
  }

  @Benchmark
  @Threads(2)
  public void recordLatency(ThreadRandom r) {
    recorder.recordValue(1 + r.random.nextInt(5_000));
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
