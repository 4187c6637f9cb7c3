package dev.rehearsal.harness.seed;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.copy.CopyBuffer;
import dev.rehearsal.harness.seed.copy.CopyFormat;
import dev.rehearsal.harness.seed.copy.CopyRows;
import dev.rehearsal.harness.seed.generate.ColumnGenerator;
import dev.rehearsal.harness.seed.generate.GeneratorFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses, before loading starts, a dataset the server's disk cannot hold — rather than failing
 * an hour in with "could not extend file". The estimate encodes a sample of real rows: heap
 * tuples are about the binary COPY row plus tuple header and line pointer, a B-tree entry about
 * 40 bytes, and the WAL written while loading about the heap again (until checkpoints recycle it).
 */
final class DiskSpace {

  private static final int SAMPLE_ROWS = 1_000;

  private DiskSpace() {}

  /**
   * Estimated bytes on disk for {@code rows} rows of a table with {@code indexes} indexes, kept in
   * {@code copies} databases at once (a seed-cache template and the clone a rehearsal runs on: 2).
   */
  static long estimateBytes(GeneratorFactory factory, String table, long rows, int indexes, int copies) {
    GeneratorFactory.TableGenerators g = factory.forTable(table);
    List<String> types = g.columns().stream().map(TableColumn::type).toList();
    CopyBuffer buffer = new CopyBuffer(1 << 16);
    CopyRows encoder = new CopyRows(types, CopyRows.formatFor(types), buffer);
    long sample = Math.min(rows, SAMPLE_ROWS);
    for (long row = 1; row <= sample; row++) {
      encoder.beginRow();
      List<ColumnGenerator> generators = g.generators();
      for (int i = 0; i < generators.size(); i++) {
        generators.get(i).write(row, encoder.field(i));
      }
      encoder.endRow();
    }
    double perRow = (double) buffer.size() / Math.max(sample, 1);
    if (encoder.format() == CopyFormat.BINARY) {
      perRow -= 2 + 4.0 * types.size(); // framing that a heap tuple does not have
    }
    double heapPerRow = (perRow + 24 + 4 + 4) * 1.15; // header, line pointer, alignment; page fill
    // each copy holds the heap and its index entries; the WAL written while loading, about the heap again, once
    double bytes = rows * ((heapPerRow + 40.0 * indexes) * Math.max(1, copies) + heapPerRow);
    return (long) bytes;
  }

  /** The server's data directory when it is on this machine and readable to us. */
  static Optional<Path> localDataDirectory(Connection c) {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT current_setting('data_directory')")) {
      rs.next();
      Path dir = Path.of(rs.getString(1));
      return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    } catch (SQLException | RuntimeException e) {
      return Optional.empty(); // not a superuser, or not on this machine: cannot check
    }
  }

  static void check(long neededBytes, Path dataDirectory) {
    long free;
    try {
      free = Files.getFileStore(dataDirectory).getUsableSpace();
    } catch (IOException e) {
      return;
    }
    if (neededBytes > free) {
      throw new BadInputException(String.format(Locale.ROOT,
          "the dataset needs about %s on the server's disk (its copies and the WAL written while loading), but only"
              + " %s is free at %s\n"
              + "  fix: lower --rows or --scale, or free disk space there", size(neededBytes), size(free), dataDirectory));
    }
  }

  static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
  }
}
