package dev.rehearsal.harness.observe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the {@link ServerSampler} saw, and the figures read from it: WAL written between two moments
 * (the insert position interpolated linearly between the samples around each moment, so a
 * statement's WAL is exact to what the server wrote in the part of a sample interval at either
 * end), per second of the timeline, and the most client connections open at once. Pure: tests
 * feed it samples.
 */
public final class ServerSamples {

  /**
   * @param atNanos {@link System#nanoTime()} halfway through the sample's round trip
   * @param walBytes the WAL insert position, in bytes from 0/0
   * @param connections client backends open on the server
   * @param fullPageImages pg_stat_wal.wal_fpi, or null where not exposed
   * @param checkpointsRequested requested checkpoints so far, or null
   * @param replicaLagMs the most any standby streaming from the server was behind in replaying
   *     ({@code pg_stat_replication.replay_lag}; 0 when caught up), null when none streams, or
   *     {@link #HIDDEN} when the server hides it from the sampler's role ({@link #lagMs})
   * @param replicaWriteLagMs the most any standby was behind in writing the WAL sent to it
   *     ({@code pg_stat_replication.write_lag}), likewise
   */
  public record Sample(long atNanos, long walBytes, int connections, Long fullPageImages, Long checkpointsRequested,
      Double replicaLagMs, Double replicaWriteLagMs) {

    public Sample(long atNanos, long walBytes, int connections, Long fullPageImages, Long checkpointsRequested) {
      this(atNanos, walBytes, connections, fullPageImages, checkpointsRequested, null, null);
    }
  }

  /** A lag that a standby has but the server does not show the sampler's role: not measured, never 0. */
  public static final double HIDDEN = Double.NaN;

  /**
   * One lag column of pg_stat_replication, for a sample.
   *
   * <p>PostgreSQL shows a role without superuser or pg_read_all_stats a standby's row with every column but
   * its pid null: then the lag is {@link #HIDDEN}. It also nulls replay_lag and write_lag once a standby has
   * caught up and no WAL is being sent: a streaming standby's null lag is 0.
   *
   * @param standbys rows of pg_stat_replication
   * @param visible those whose {@code state} the role sees
   * @param streaming those in state streaming
   * @param maxLagMs the most of the column over the rows, nulls ignored; null when every row's is null
   * @return null when no standby streams (none there, or none streaming yet with no lag known), {@link #HIDDEN}
   *     when all are hidden, else the lag in ms
   */
  public static Double lagMs(long standbys, long visible, long streaming, Double maxLagMs) {
    if (standbys == 0) {
      return null;
    }
    if (visible == 0) {
      return HIDDEN;
    }
    if (streaming > 0) {
      return maxLagMs == null ? 0.0 : Math.max(0.0, maxLagMs);
    }
    return maxLagMs;
  }

  private final List<Sample> samples;
  private final long loadStartNanos;
  private final String source;

  public ServerSamples(List<Sample> samples, long loadStartNanos, String source) {
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort(Comparator.comparingLong(Sample::atNanos));
    this.samples = List.copyOf(sorted);
    this.loadStartNanos = loadStartNanos;
    this.source = source;
  }

  /** How the WAL was measured, for the report. */
  public String source() {
    return source;
  }

  /** Whether there is anything to interpolate between. */
  public boolean measured() {
    return samples.size() >= 2;
  }

  /** The WAL position at {@code nanos}: interpolated, or the first or last sample's outside them. */
  double walAt(long nanos) {
    Sample first = samples.get(0);
    if (nanos <= first.atNanos()) {
      return first.walBytes();
    }
    for (int i = 1; i < samples.size(); i++) {
      Sample b = samples.get(i);
      if (nanos <= b.atNanos()) {
        Sample a = samples.get(i - 1);
        double f = (double) (nanos - a.atNanos()) / Math.max(1, b.atNanos() - a.atNanos());
        return a.walBytes() + f * (b.walBytes() - a.walBytes());
      }
    }
    return samples.get(samples.size() - 1).walBytes();
  }

  /** WAL written between two moments ({@link System#nanoTime()}); null when not measured. */
  public Long walBytes(long fromNanos, long toNanos) {
    if (!measured()) {
      return null;
    }
    return Math.max(0, Math.round(walAt(toNanos) - walAt(fromNanos)));
  }

  /** WAL written in second {@code second} of the timeline; null when not measured or outside the samples. */
  public Long walBytesInSecond(int second) {
    long from = loadStartNanos + second * 1_000_000_000L;
    if (!measured() || from >= samples.get(samples.size() - 1).atNanos()) {
      return null;
    }
    return walBytes(from, from + 1_000_000_000L);
  }

  /** Most client connections open at once in second {@code second}; null when no sample fell in it. */
  public Integer connectionsInSecond(int second) {
    long from = loadStartNanos + second * 1_000_000_000L;
    Integer max = null;
    for (Sample s : samples) {
      if (s.atNanos() >= from && s.atNanos() < from + 1_000_000_000L) {
        max = max == null ? s.connections() : Math.max(max, s.connections());
      }
    }
    return max;
  }

  /**
   * The most a standby was behind in replaying in second {@code second}; null when no standby was seen in it,
   * or its lag was hidden.
   */
  public Double replicaLagMsInSecond(int second) {
    return mostInSecond(second, Sample::replicaLagMs);
  }

  /** The most a standby was behind in writing in second {@code second}; null when no standby was seen in it. */
  public Double replicaWriteLagMsInSecond(int second) {
    return mostInSecond(second, Sample::replicaWriteLagMs);
  }

  /**
   * The most a standby was behind in replaying from {@code fromNanos} on; null when no standby streamed or
   * the server hid its lag ({@link #HIDDEN}).
   */
  public Double peakReplicaLagMs(long fromNanos) {
    return peakFrom(fromNanos, Sample::replicaLagMs);
  }

  /** The most a standby was behind in writing from {@code fromNanos} on; null when no standby streamed. */
  public Double peakReplicaWriteLagMs(long fromNanos) {
    return peakFrom(fromNanos, Sample::replicaWriteLagMs);
  }

  private Double mostInSecond(int second, Function<Sample, Double> lag) {
    long from = loadStartNanos + second * 1_000_000_000L;
    return peak(samples.stream().filter(s -> s.atNanos() >= from && s.atNanos() < from + 1_000_000_000L), lag);
  }

  private Double peakFrom(long fromNanos, Function<Sample, Double> lag) {
    return peak(samples.stream().filter(s -> s.atNanos() >= fromNanos), lag);
  }

  private static Double peak(Stream<Sample> samples, Function<Sample, Double> lag) {
    return samples.map(lag).filter(v -> v != null && !v.isNaN()).max(Double::compare).orElse(null);
  }


  /** Most client connections open at once over the run; null when nothing was sampled. */
  public Integer peakConnections() {
    return samples.stream().map(Sample::connections).max(Integer::compare).orElse(null);
  }

  /** Full-page images written between two moments (the samples nearest outside them); null where not exposed. */
  public Long fullPageImages(long fromNanos, long toNanos) {
    return counterBetween(fromNanos, toNanos, Sample::fullPageImages);
  }

  /** Checkpoints requested between two moments; null when unknown. */
  public Long checkpointsRequested(long fromNanos, long toNanos) {
    return counterBetween(fromNanos, toNanos, Sample::checkpointsRequested);
  }

  private Long counterBetween(long fromNanos, long toNanos, Function<Sample, Long> counter) {
    if (!measured()) {
      return null;
    }
    Sample before = samples.get(0);
    Sample after = samples.get(samples.size() - 1);
    for (Sample s : samples) {
      if (s.atNanos() <= fromNanos) {
        before = s;
      }
      if (s.atNanos() >= toNanos) {
        after = s;
        break;
      }
    }
    Long a = counter.apply(before);
    Long b = counter.apply(after);
    return a == null || b == null ? null : Math.max(0, b - a);
  }
}
