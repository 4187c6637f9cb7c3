package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.Gen.col;
import static dev.rehearsal.harness.seed.generate.Gen.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** JSON documents from templates: valid JSON, literal parts as written, generated parts per row. */
class JsonGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ColumnGenerator json(Object template) {
    return Gen.single(8, 10_000, col("doc", "jsonb"), spec("json").template(template));
  }

  private static List<JsonNode> documents(ColumnGenerator g, int rows) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (CapturingWriter.Value v : Gen.values(g, 1, rows)) {
      assertThat(v.kind()).isEqualTo(CapturingWriter.Kind.JSON);
      out.add(JSON.readTree(v.asText()));
    }
    return out;
  }

  @Test
  void aTemplateWithNestedGeneratorsAndLiteralsRendersValidJson() throws Exception {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("score", spec("uniform").range(-5, 5).build());
    inner.put("unit", "points");
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("source", spec("choice").values("web", "app").weights(3.0, 1.0).build());
    template.put("version", 2);
    template.put("ratio", 0.5);
    template.put("amount", spec("uniform").range(1, 100).build());
    template.put("price", spec("uniform").range(0, 9).scale(2).build());
    template.put("tags", List.of("a", "b", 3, true));
    template.put("meta", inner);
    template.put("flag", true);
    template.put("nothing", null);
    template.put("list", List.of(spec("boolean").build(), Map.of("k", spec("sequence").build())));
    List<JsonNode> docs = documents(json(template), 4_000);

    Map<String, Integer> sources = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      JsonNode d = docs.get(i);
      List<String> keys = new ArrayList<>();
      d.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("source", "version", "ratio", "amount", "price", "tags", "meta", "flag",
          "nothing", "list");
      sources.merge(d.get("source").textValue(), 1, Integer::sum);
      assertThat(d.get("version").intValue()).isEqualTo(2);
      assertThat(d.get("ratio").doubleValue()).isEqualTo(0.5);
      assertThat(d.get("amount").isIntegralNumber()).isTrue();
      assertThat(d.get("amount").longValue()).isBetween(1L, 100L);
      assertThat(d.get("price").isNumber()).isTrue();
      assertThat(d.get("price").decimalValue()).isBetween(java.math.BigDecimal.ZERO, new java.math.BigDecimal("9.00"));
      assertThat(d.get("tags").toString()).isEqualTo("[\"a\",\"b\",3,true]");
      assertThat(d.get("meta").get("unit").textValue()).isEqualTo("points");
      assertThat(d.get("meta").get("score").longValue()).isBetween(-5L, 5L);
      assertThat(d.get("flag").booleanValue()).isTrue();
      assertThat(d.get("nothing").isNull()).isTrue();
      assertThat(d.get("list").get(0).isBoolean()).isTrue();
      assertThat(d.get("list").get(1).get("k").longValue()).as("a sequence counts rows").isEqualTo(i + 1);
    }
    assertThat(sources.keySet()).containsExactlyInAnyOrder("web", "app");
    assertThat(sources.get("web") / 4_000.0).isCloseTo(0.75, within(0.03));
  }

  @Test
  void textWithQuotesBackslashesAndControlCharactersIsEscaped() throws Exception {
    String[] nasty = {"say \"hi\"", "back\\slash", "new\nline\ttab\rreturn", "bell\u0007 and \u001f",
        "ünïcødé ☃ 𝄞", "</script>", "\\\"", "\u007f"};
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("text", spec("choice").values(nasty).build());
    template.put("we\"ird\nkey", "li\"teral\\");
    Set<String> seen = new HashSet<>();
    for (JsonNode d : documents(json(template), 2_000)) {
      String text = d.get("text").textValue();
      assertThat(text).isIn((Object[]) nasty);
      seen.add(text);
      assertThat(d.get("we\"ird\nkey").textValue()).isEqualTo("li\"teral\\");
    }
    assertThat(seen).containsExactlyInAnyOrder(nasty);
  }

  @Test
  void controlCharactersAreWrittenAsUnicodeEscapes() {
    JsonValueWriter w = new JsonValueWriter();
    byte[] text = "a\u0001\n\"\\".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    w.writeText(text, 0, text.length);
    assertThat(new String(w.bytes(), 0, w.length(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("\"a\\u0001\\u000a\\\"\\\\\"");
  }

  @Test
  void generatedTimestampsUuidsAndNullsRenderAsJsonValues() throws Exception {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("at", spec("timestamp").from("2025-01-01").to("2025-02-01").build());
    template.put("id", spec("uuid").build());
    template.put("maybe", spec("uniform").range(1, 3).nullFraction(0.5).build());
    template.put("who", spec("name").pool(20).build());
    template.put("words", spec("text").lengths(3, 30).build());
    template.put("konst", spec("constant").value("42").build());
    long nulls = 0;
    for (JsonNode d : documents(json(template), 2_000)) {
      Instant at = Instant.parse(d.get("at").textValue());
      assertThat(at).isBetween(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));
      assertThat(UUID.fromString(d.get("id").textValue()).version()).isEqualTo(4);
      if (d.get("maybe").isNull()) {
        nulls++;
      } else {
        assertThat(d.get("maybe").longValue()).isBetween(1L, 3L);
      }
      assertThat(d.get("who").textValue()).isNotBlank();
      assertThat(d.get("words").textValue()).hasSizeBetween(3, 30);
      // literals inside a template are text: the document has no column type to parse them as
      assertThat(d.get("konst").isTextual()).isTrue();
      assertThat(d.get("konst").textValue()).isEqualTo("42");
    }
    assertThat(nulls / 2_000.0).isCloseTo(0.5, within(0.04));
  }

  @Test
  void aTopLevelListAndAPureLiteralTemplate() throws Exception {
    List<JsonNode> list = documents(json(List.of(1, spec("uniform").range(7, 7).build(), "x")), 10);
    assertThat(list).allSatisfy(d -> assertThat(d.toString()).isEqualTo("[1,7,\"x\"]"));
    List<JsonNode> literal = documents(json(Map.of("only", List.of())), 3);
    assertThat(literal).allSatisfy(d -> assertThat(d.toString()).isEqualTo("{\"only\":[]}"));
  }

  @Test
  void nestedValuesAreIndependentOfEachOtherAndOfTheirPosition() throws Exception {
    // two nested generators with the same spec at different paths draw different streams
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("a", spec("uniform").range(0, 1_000_000).build());
    template.put("b", spec("uniform").range(0, 1_000_000).build());
    long same = documents(json(template), 1_000).stream()
        .filter(d -> d.get("a").longValue() == d.get("b").longValue()).count();
    assertThat(same).isLessThan(3);
  }

  @Test
  void aLargeDocumentGrowsTheBuffer() throws Exception {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("long", spec("text").length(5_000).build());
    template.put("list", Arrays.asList(new Object[300]));
    JsonNode d = documents(json(template), 2).get(1);
    assertThat(d.get("long").textValue()).hasSize(5_000);
    assertThat(d.get("list").size()).isEqualTo(300);
  }
}
