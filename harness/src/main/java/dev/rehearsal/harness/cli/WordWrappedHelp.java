package dev.rehearsal.harness.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli's help, except that the synopsis wraps between its options only: picocli's own wrapping
 * also breaks inside them ({@code [--rate=OPS[,} / {@code OPS...]]}), wherever a line-break
 * iterator allows it.
 */
final class WordWrappedHelp extends Help {

  WordWrappedHelp(CommandSpec spec, ColorScheme colorScheme) {
    super(spec, colorScheme);
  }

  /** The command name, then {@code options} wrapped at spaces, further lines aligned after the name. */
  @Override
  protected String insertSynopsisCommandName(int headingLength, Ansi.Text options) {
    String name = commandSpec().qualifiedName();
    int width = commandSpec().usageMessage().width();
    int indent = headingLength + name.length() + 1;
    if (indent > commandSpec().usageMessage().synopsisAutoIndentThreshold() * width) {
      indent = headingLength;
    }
    StringBuilder out = new StringBuilder(colorScheme().commandText(name).toString());
    int column = headingLength + name.length();
    String plain = options.plainString();
    int start = 0;
    while (start < plain.length()) {
      int end = plain.indexOf(' ', start);
      end = end < 0 ? plain.length() : end;
      if (end > start) {
        int length = end - start;
        if (column + 1 + length > width && column > indent) {
          out.append(System.lineSeparator()).append(" ".repeat(indent - 1));
          column = indent - 1;
        }
        out.append(' ').append(options.substring(start, end));
        column += 1 + length;
      }
      start = end + 1;
    }
    return out.append(System.lineSeparator()).toString();
  }
}
