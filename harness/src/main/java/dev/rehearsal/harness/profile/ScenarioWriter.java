package dev.rehearsal.harness.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;

/**
 * Writes the profile as a scenario YAML: a header of comments (where it came from, when, and what
 * could not be reproduced), then the document. Multi-line text (the DDL) as literal blocks, and
 * quotes only where YAML needs them.
 */
final class ScenarioWriter {

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build();

  private ScenarioWriter() {}

  static String write(List<String> header, Map<String, Object> document) {
    StringBuilder out = new StringBuilder();
    for (String line : header) {
      for (String part : line.split("\n")) {
        out.append(part.isEmpty() ? "#" : "# " + part).append('\n');
      }
    }
    try {
      out.append(YAML.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the profile could not be written as YAML (a bug): " + e.getMessage(), e);
    }
    return out.toString();
  }
}
