package dev.rehearsal.harness.seed.copy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row framing for both COPY formats, and the buffer underneath. */
class CopyRowsTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void binaryHasTheSignatureHeaderFieldCountsAndTrailer() {
    CopyBuffer buffer = new CopyBuffer(4);
    CopyRows rows = new CopyRows(List.of("integer", "text"), CopyFormat.BINARY, buffer);
    rows.header();
    assertThat(HEX.formatHex(buffer.toByteArray())).isEqualTo("5047434f50590aff0d0a00" + "00000000" + "00000000");
    buffer.reset();
    rows.beginRow();
    rows.field(0).writeLong(7);
    rows.field(1).writeNull();
    rows.endRow();
    rows.trailer();
    assertThat(HEX.formatHex(buffer.toByteArray()))
        .isEqualTo("0002" + "00000004" + "00000007" + "ffffffff" + "ffff");
  }

  @Test
  void textSeparatesFieldsWithTabsAndEndsRowsWithNewlines() {
    CopyBuffer buffer = new CopyBuffer();
    CopyRows rows = new CopyRows(List.of("integer", "text", "inet"), CopyFormat.TEXT, buffer);
    rows.header();
    for (int i = 1; i <= 2; i++) {
      rows.beginRow();
      rows.field(0).writeLong(i);
      rows.field(1).writeText("a\tb".getBytes(UTF_8), 0, 3);
      rows.field(2).writeNull();
      rows.endRow();
    }
    rows.trailer();
    assertThat(new String(buffer.toByteArray(), UTF_8)).isEqualTo("1\ta\\tb\t\\N\n2\ta\\tb\t\\N\n");
  }

  @Test
  void fieldsMustComeInColumnOrderOncePerRow() {
    CopyRows rows = new CopyRows(List.of("integer", "integer"), CopyFormat.TEXT, new CopyBuffer());
    assertThatThrownBy(() -> rows.field(0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a row");
    rows.beginRow();
    assertThatThrownBy(() -> rows.field(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("column 0");
    rows.field(0).writeLong(1);
    assertThatThrownBy(rows::endRow).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of 2");
    assertThatThrownBy(rows::beginRow).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void binaryOnlyWhenEveryColumnHasABinaryEncoder() {
    assertThat(CopyRows.formatFor(List.of("bigint", "numeric(12,2)", "timestamp(3) with time zone")))
        .isEqualTo(CopyFormat.BINARY);
    assertThat(CopyRows.formatFor(List.of("bigint", "inet"))).isEqualTo(CopyFormat.TEXT);
    assertThatThrownBy(() -> new CopyRows(List.of("bigint", "inet"), CopyFormat.BINARY, new CopyBuffer()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bufferPutsBigEndianGrowsFromNothingAndPatchesInPlace() {
    CopyBuffer buffer = new CopyBuffer(0);
    buffer.putByte(0x1ff);
    buffer.putShort(0x10203);
    buffer.putInt(0);
    buffer.putLong(0x0102030405060708L);
    buffer.putBytes(new byte[] {9, 10, 11}, 1, 2);
    buffer.setInt(3, -2);
    assertThat(HEX.formatHex(buffer.toByteArray())).isEqualTo("ff" + "0203" + "fffffffe" + "0102030405060708" + "0a0b");
    assertThat(buffer.size()).isEqualTo(17);
    for (int i = 0; i < 100_000; i++) {
      buffer.putInt(i);
    }
    assertThat(buffer.size()).isEqualTo(400_017);
    int capacity = buffer.array().length;
    buffer.reset();
    assertThat(buffer.size()).isZero();
    assertThat(buffer.array()).hasSize(capacity);
    buffer.ensureCapacity(capacity + 1);
    assertThat(buffer.array().length).isGreaterThan(capacity);
    assertThatThrownBy(() -> buffer.putBytes(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> buffer.setInt(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
