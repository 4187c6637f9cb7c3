package dev.rehearsal.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds an operation's params to the placeholders of its statements and puts each statement in
 * JDBC {@code ?} form with the names of the parameters bound to its placeholders, whether the
 * scenario wrote {@code ?} with a list of params (named "1", "2", ...) or pgbench-style
 * {@code :name} with a mapping. The harness then has one way to bind parameters; this class is
 * where the two ways of writing them are told apart and matched one to one.
 */
final class ParamBinder {

  private final ErrorReporter errors;
  private final ParamValidator params;

  ParamBinder(ErrorReporter errors, ParamValidator params) {
    this.errors = errors;
    this.params = params;
  }

  /**
   * The placeholders of each statement, in order.
   *
   * @param counts how many {@code ?} each has
   * @param named each with its {@code :name} parameters rewritten to {@code ?}
   */
  private record Found(List<Integer> counts, List<Placeholders.Rewritten> named) {

    int positional() {
      return counts.stream().mapToInt(Integer::intValue).sum();
    }

    /** Every {@code :name} used, in order; a name used twice appears twice. */
    List<String> names() {
      return named.stream().flatMap(n -> n.names().stream()).toList();
    }

    int firstNamed() {
      for (int i = 0; i < named.size(); i++) {
        if (!named.get(i).names().isEmpty()) {
          return i;
        }
      }
      throw new IllegalStateException("no named parameter (a bug)");
    }
  }

  /**
   * Checks the operation's params against its statements and binds them: fills {@code specs}
   * (name to generator) and returns the statements in {@code ?} form with the names of their
   * parameters.
   */
  List<StatementSpec> bind(Object params, OperationStatements statements, String name,
      String path, Map<String, ParamSpec> specs) {
    Found found = checkOneStyle(statements, name);
    if (params == null || params instanceof List) {
      return bindList(params, statements, name, path, specs, found);
    }
    return bindMapping(params, statements, name, path + "/params", specs, found);
  }

  /**
   * Lexes each statement, failing at the first statement that mixes the two styles with what
   * came before.
   */
  private Found checkOneStyle(OperationStatements statements, String name) {
    List<Integer> counts = new ArrayList<>();
    List<Placeholders.Rewritten> named = new ArrayList<>();
    boolean positionalSeen = false;
    boolean namedSeen = false;
    for (int i = 0; i < statements.sql().size(); i++) {
      String sql = statements.sql().get(i);
      int count = Placeholders.count(sql);
      Placeholders.Rewritten rewritten = Placeholders.rewriteNamed(sql);
      positionalSeen |= count > 0;
      namedSeen |= !rewritten.names().isEmpty();
      if (positionalSeen && namedSeen) {
        throw errors.at(statements.paths().get(i),
            "operation '" + name + "' mixes ? and :name parameters",
            "use ? with params as a list (one per ?, in order), or :name with params as a "
                + "mapping (pgbench style), not both in one operation");
      }
      counts.add(count);
      named.add(rewritten);
    }
    return new Found(counts, named);
  }

  /** No params, or a list: one param per {@code ?}, in order, named "1", "2", ... */
  private List<StatementSpec> bindList(Object params, OperationStatements statements,
      String name, String path, Map<String, ParamSpec> specs, Found found) {
    String paramsPath = path + "/params";
    List<?> list = params == null ? List.of() : (List<?>) params;
    List<String> names = found.names();
    if (!names.isEmpty()) {
      String problem = "operation '" + name + "' uses :" + names.get(0) + " in "
          + statements.name(found.firstNamed()) + ", but "
          + (params == null ? "has no params" : "params is a list");
      throw errors.at(params == null ? statements.paths().get(found.firstNamed()) : paramsPath,
          problem, "define each :name under params as a mapping, e.g. "
              + "params: {" + names.get(0) + ": {kind: existingKey, table: ...}}");
    }
    for (int i = 0; i < list.size(); i++) {
      String paramPath = YamlPath.child(paramsPath, i);
      specs.put(String.valueOf(i + 1), this.params.param(list.get(i), paramPath));
    }
    int positional = found.positional();
    if (positional != list.size()) {
      String where = params == null
          ? (statements.transaction() ? path + "/transaction" : path + "/sql") : paramsPath;
      throw errors.at(where, "operation '" + name + "' has "
              + count(positional, "placeholder") + " (?) in " + statements.all() + " but "
              + count(list.size(), "param"),
          "list one param per ?, in order");
    }
    List<StatementSpec> result = new ArrayList<>();
    int next = 1;
    for (int i = 0; i < found.counts().size(); i++) {
      List<String> statementNames = new ArrayList<>();
      for (int j = 0; j < found.counts().get(i); j++) {
        statementNames.add(String.valueOf(next++));
      }
      result.add(new StatementSpec(statements.sql().get(i), statementNames));
    }
    return List.copyOf(result);
  }

  /** A mapping from name to param, for {@code :name} parameters (pgbench style). */
  private List<StatementSpec> bindMapping(Object params, OperationStatements statements,
      String name, String paramsPath, Map<String, ParamSpec> specs, Found found) {
    if (!(params instanceof Map<?, ?> map)) {
      throw errors.at(paramsPath, "params must be a list or a mapping, got "
              + errors.got(paramsPath),
          "give a list, one param per ? in order, or a mapping from name to param for :name "
              + "parameters");
    }
    if (found.positional() > 0) {
      throw errors.at(paramsPath, "operation '" + name + "' has ? placeholders in "
              + statements.all() + ", but params is a mapping",
          "write each parameter as :name in the sql (pgbench style), or give params as a list, "
              + "one param per ?, in order");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String paramName = String.valueOf(entry.getKey());
      String paramPath = YamlPath.child(paramsPath, paramName);
      if (!Placeholders.isParameterName(paramName)) {
        throw errors.atKey(paramPath, "param name '" + paramName + "' cannot be written as :name",
            "names start with a letter or _ and go on with letters, digits and _, as in "
                + "pgbench, e.g. aid or user_id");
      }
      specs.put(paramName, this.params.param(entry.getValue(), paramPath));
    }
    requireDefined(statements, name, specs, found);
    requireUsed(statements, name, paramsPath, specs, found);
    List<StatementSpec> result = new ArrayList<>();
    for (Placeholders.Rewritten rewritten : found.named()) {
      result.add(new StatementSpec(rewritten.sql(), rewritten.names()));
    }
    return List.copyOf(result);
  }

  /** Every {@code :name} a statement uses must be defined under params. */
  private void requireDefined(OperationStatements statements, String name,
      Map<String, ParamSpec> specs, Found found) {
    String defined = specs.isEmpty() ? "params defines none"
        : "params defines: " + String.join(", ", specs.keySet());
    for (int i = 0; i < found.named().size(); i++) {
      for (String used : found.named().get(i).names()) {
        if (!specs.containsKey(used)) {
          throw errors.at(statements.paths().get(i), "operation '" + name + "' uses :" + used
                  + " in " + statements.name(i) + ", but params does not define it",
              defined + "; add " + used + ": {kind: ...} under params, or correct the name "
                  + "(names are case-sensitive)");
        }
      }
    }
  }

  /** Every param defined must be used: a name defined but never used is usually a typo. */
  private void requireUsed(OperationStatements statements, String name, String paramsPath,
      Map<String, ParamSpec> specs, Found found) {
    Set<String> usedNames = new LinkedHashSet<>(found.names());
    for (String definedName : specs.keySet()) {
      if (!usedNames.contains(definedName)) {
        String uses = usedNames.isEmpty() ? "it uses none"
            : "it uses :" + String.join(", :", usedNames);
        throw errors.atKey(YamlPath.child(paramsPath, definedName), "param '" + definedName
                + "' of operation '" + name + "' is not used in " + statements.all(),
            "write :" + definedName + " where it goes, or remove it (a name defined but never "
                + "used is usually a typo; " + uses + ")");
      }
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
