package dev.rehearsal.harness.seed;

import static dev.rehearsal.harness.seed.SeederIT.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A composite primary key and a multi-column UNIQUE constraint on real PostgreSQL: every row
 * loaded, the keys restored without a violation, each parent with the fan-out the seeder
 * designs (rows / parent rows, rounded up), and the same data whatever the COPY streams.
 */
class CompositeKeySeedIT {

  static PostgresServer server;
  final List<ScratchDatabase> databases = new ArrayList<>();

  static final String SCHEMA = """
      CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL);
      CREATE TABLE translations (
        product_id bigint REFERENCES products,
        language text,
        body text NOT NULL,
        PRIMARY KEY (product_id, language)
      );
      CREATE TABLE variants (
        id bigserial PRIMARY KEY,
        product_id bigint NOT NULL REFERENCES products,
        size text NOT NULL,
        position integer NOT NULL,
        UNIQUE (product_id, size)
      );
      """;

  static final String DATASET = """
      tables:
        - name: products
          rows: 5000
        - name: translations
          rows: 25000
          columns:
            language: {generator: choice, values: [en, de, fr, es, it, nl]}
            body: {generator: text, minLength: 20, maxLength: 60}
        - name: variants
          rows: 14000
      """;

  @BeforeAll
  static void start() {
    server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void dropDatabases() {
    databases.forEach(ScratchDatabase::close);
  }

  private DatabaseTarget seeded(Scenario scenario, int streams, SeedResult[] result) {
    ScratchDatabase db = ScratchDatabase.create(server);
    databases.add(db);
    SchemaDdl.apply(scenario, db.target());
    result[0] = new Seeder(db.target(), 7, streams, SeedProgress.lines(line -> { }, 60)).seed(scenario.dataset());
    return db.target();
  }

  @Test
  void compositeKeysSeedOneRowPerPairWithTheDesignedFanoutAndTheSameDataWhateverTheStreams() throws Exception {
    Scenario scenario = SeederIT.scenario(SCHEMA, DATASET);
    SeedResult[] one = new SeedResult[1];
    DatabaseTarget a = seeded(scenario, 1, one);

    assertThat(scalar(a, "SELECT count(*) FROM translations")).isEqualTo("25000");
    // the primary key and the unique constraint were restored after loading: valid, so no duplicate pair
    assertThat(scalar(a, "SELECT count(*) FROM pg_index WHERE indrelid IN ('translations'::regclass,"
        + " 'variants'::regclass) AND indisunique AND indisvalid AND indnkeyatts = 2")).isEqualTo("2");
    assertThat(scalar(a, "SELECT count(*) FROM (SELECT DISTINCT product_id, language FROM translations) p"))
        .isEqualTo("25000");
    // fan-out 25000 / 5000 = 5 translations for every product, five different languages
    assertThat(scalar(a, "SELECT count(*) || ' products, ' || min(n) || '-' || max(n) || ' each, '"
        + " || min(langs) || '-' || max(langs) || ' languages' FROM (SELECT product_id, count(*) n,"
        + " count(DISTINCT language) langs FROM translations GROUP BY product_id) g"))
        .isEqualTo("5000 products, 5-5 each, 5-5 languages");
    assertThat(scalar(a, "SELECT count(*) FROM translations t LEFT JOIN products p ON p.id = t.product_id"
        + " WHERE p.id IS NULL")).isEqualTo("0");
    // fan-out 14000 / 5000 rounded up = 3: 4,666 products with 3 variants, one with the last 2, 333 with none
    assertThat(scalar(a, "SELECT string_agg(n || ':' || products, ' ' ORDER BY n) FROM (SELECT n, count(*) products"
        + " FROM (SELECT count(*) n FROM variants GROUP BY product_id) g GROUP BY n) c")).isEqualTo("2:1 3:4666");

    SeedResult[] three = new SeedResult[1];
    DatabaseTarget b = seeded(scenario, 3, three);
    assertThat(three[0].fingerprint()).isEqualTo(one[0].fingerprint());
    String content = "SELECT md5(string_agg(t::text, '|' ORDER BY product_id, language)) FROM translations t";
    assertThat(scalar(b, content)).isEqualTo(scalar(a, content));
  }
}
