package dev.rehearsal.harness.seed;

import dev.rehearsal.scenario.ColumnSpec;
import dev.rehearsal.scenario.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parents before children, otherwise the dataset's order. Only the order of loading depends on
 * this — values are functions of row numbers, so a child can name its parents' keys whether or
 * not they are loaded yet — but it keeps progress output in an order people expect.
 */
final class LoadOrder {

  private LoadOrder() {}

  /** @param parents for each table, the dataset tables its columns reference */
  static List<TableSpec> of(List<TableSpec> tables, Map<String, Set<String>> parents) {
    Map<String, TableSpec> byName = new LinkedHashMap<>();
    tables.forEach(t -> byName.put(t.name(), t));
    List<TableSpec> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    for (TableSpec t : tables) {
      visit(t.name(), byName, parents, done, new LinkedHashSet<>(), ordered);
    }
    return ordered;
  }

  private static void visit(String name, Map<String, TableSpec> byName, Map<String, Set<String>> parents,
      Set<String> done, Set<String> path, List<TableSpec> ordered) {
    if (done.contains(name) || !byName.containsKey(name)) {
      return;
    }
    if (!path.add(name)) {
      return; // a cycle of foreign keys: load in dataset order, FKs are added after the data anyway
    }
    for (String parent : parents.getOrDefault(name, Set.of())) {
      if (!parent.equals(name)) {
        visit(parent, byName, parents, done, path, ordered);
      }
    }
    done.add(name);
    ordered.add(byName.get(name));
  }

  /** The dataset tables that {@code table}'s declared reference generators name. */
  static Set<String> declaredParents(TableSpec table) {
    Set<String> out = new LinkedHashSet<>();
    for (ColumnSpec c : table.columns().values()) {
      if ("reference".equals(c.generator()) && c.table() != null) {
        out.add(c.table());
      }
    }
    if (out.isEmpty()) {
      return Set.of();
    }
    return out;
  }

}
