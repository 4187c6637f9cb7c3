package dev.rehearsal.harness.profile;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes the profile as a scenario YAML: a header of comments (where it came from, when, and what
 * could not be reproduced), then the document. Lists of plain values on one line
 * ({@code values: [a, b]}), mappings as blocks, multi-line text (the DDL) as a literal block, and
 * quotes only where YAML needs them ({@code "5"} stays text).
 */
final class ScenarioWriter {

  private ScenarioWriter() {}

  static String write(List<String> header, Map<String, Object> document) {
    StringBuilder out = new StringBuilder();
    for (String line : header) {
      for (String part : line.split("\n")) {
        out.append(part.isEmpty() ? "#" : "# " + part).append('\n');
      }
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
    options.setIndent(2);
    options.setWidth(120);
    options.setSplitLines(false);
    out.append(new Yaml(new LiteralBlocks(options), options).dump(document));
    return out.toString();
  }

  /** Multi-line text as a literal block; everything else as SnakeYAML represents it. */
  private static final class LiteralBlocks extends Representer {
    LiteralBlocks(DumperOptions options) {
      super(options);
      Represent plain = representers.get(String.class);
      representers.put(String.class, data -> ((String) data).contains("\n")
          ? representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.LITERAL) : plain.representData(data));
    }
  }
}
