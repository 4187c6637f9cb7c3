package dev.rehearsal.report;

/** The report page's stylesheet, inlined so the page is one self-contained file. */
final class HtmlStyle {

  private HtmlStyle() {}

  static final String CSS = """
      :root { --pass: #1a7f37; --warn: #9a6700; --fail: #cf222e; --unknown: #57606a;
        --border: #d0d7de; --muted: #57606a; --soft: #f6f8fa; }
      * { box-sizing: border-box; }
      body { margin: 0; color: #1f2328; background: #fff; line-height: 1.45;
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
          sans-serif; font-size: 15px; }
      main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 48px; }
      h1 { font-size: 22px; margin: 0 0 4px; font-weight: 600; }
      h2 { font-size: 17px; margin: 32px 0 10px; padding-bottom: 4px;
        border-bottom: 1px solid var(--border); }
      h3 { font-size: 14px; margin: 18px 0 2px; color: var(--muted); font-weight: 600; }
      code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        font-size: 13px; }
      pre { margin: 0; white-space: pre-wrap; word-break: break-word; }
      .muted { color: var(--muted); }
      tr.migration td { background: var(--soft); font-weight: 600; }
      .meta { color: var(--muted); font-size: 13px; margin: 0; }
      header.verdict { border-left: 8px solid var(--unknown); padding: 12px 18px;
        background: var(--soft); border-radius: 6px; margin: 16px 0; }
      header.verdict.pass { border-color: var(--pass); }
      header.verdict.warn { border-color: var(--warn); }
      header.verdict.fail { border-color: var(--fail); }
      .verdict-status { font-size: 40px; font-weight: 800; letter-spacing: 0.04em;
        line-height: 1.1; color: var(--unknown); }
      .pass .verdict-status { color: var(--pass); }
      .warn .verdict-status { color: var(--warn); }
      .fail .verdict-status { color: var(--fail); }
      .headline { font-size: 18px; margin: 6px 0 0; }
      .banner { background: #fff1e5; border: 2px solid var(--fail); color: #82071e;
        border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
      .banner strong { display: block; font-size: 16px; }
      ol.next-steps { padding-left: 22px; margin: 0; }
      ol.next-steps li { margin: 4px 0; }
      .figures { display: grid; gap: 10px;
        grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); }
      .figure { border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; }
      .figure.warn { border-color: var(--warn); background: #fff8c5; }
      .figure.fail { border-color: var(--fail); background: #ffebe9; }
      .figure .value { font-size: 20px; font-weight: 600; }
      .figure .label { font-size: 13px; }
      .figure .metric { font-size: 11px; color: var(--muted); }
      figure.chart-box { margin: 0 0 8px; }
      figure.chart-box h3 { margin-top: 14px; }
      svg.chart { display: block; max-width: 100%; height: auto; }
      table { border-collapse: collapse; width: 100%; font-size: 14px; }
      th, td { border: 1px solid var(--border); padding: 5px 8px; text-align: left;
        vertical-align: top; }
      th { background: var(--soft); font-weight: 600; }
      td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      td.warn { background: #fff8c5; }
      td.fail { background: #ffebe9; }
      td.name { white-space: nowrap; }
      table.statements td pre { min-width: 28ch; }
      .status { font-weight: 700; text-transform: uppercase; }
      .status.pass { color: var(--pass); }
      .status.warn { color: var(--warn); }
      .status.fail { color: var(--fail); }
      .status.unknown { color: var(--unknown); }
      .columns { display: grid; gap: 24px; grid-template-columns: 1fr 1fr; }
      @media (max-width: 760px) { .columns { grid-template-columns: 1fr; } }
      footer { margin-top: 40px; font-size: 12px; color: var(--muted); }
      """;
}
