package dev.rehearsal.scenario;

import java.util.List;

/** What to seed: tables in dependency order (parents before children). */
public record DatasetSpec(List<TableSpec> tables) {

  DatasetSpec scaled(double factor) {
    return new DatasetSpec(tables.stream().map(t -> t.scaled(factor)).toList());
  }
}
