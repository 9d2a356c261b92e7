/// The report's stylesheet, inlined into every HTML file. Fonts are system fonts only (no
/// downloads); the stack covers Japanese on Linux (Noto CJK), macOS and Windows.
enum HTMLStyle {
    static let css = """
    :root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --bg: #f4f6f8; --card: #ffffff;
      --worse: #b8470b; --better: #005a8c; --alert-bg: #fff3ea; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--ink); font-size: 15px; line-height: 1.7;
      font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
        "Yu Gothic UI", "Yu Gothic", Meiryo, sans-serif; }
    main { max-width: 1120px; margin: 0 auto; padding: 24px 16px 48px; }
    header.report-title { padding: 8px 4px 4px; }
    h1 { font-size: 1.7rem; line-height: 1.3; margin: 0; }
    .subtitle { color: var(--muted); margin: 4px 0 0; }
    section { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
      padding: 18px 22px; margin: 16px 0; }
    h2 { font-size: 1.3rem; line-height: 1.4; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--line); }
    h3 { font-size: 1.05rem; margin: 22px 0 8px; }
    p { margin: 8px 0; }
    ul { margin: 8px 0; padding-left: 1.4em; }
    dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
    dl.meta dt { color: var(--muted); }
    dl.meta dd { margin: 0; overflow-wrap: anywhere; }
    .alert { border-left: 6px solid var(--worse); background: var(--alert-bg); padding: 10px 14px;
      border-radius: 4px; font-weight: 700; margin: 8px 0 12px; }
    .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; margin: 16px 0 4px; }
    .kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
    .kpi .label { color: var(--muted); font-size: .9rem; }
    .kpi .value { font-size: 1.7rem; font-weight: 700; line-height: 1.3; }
    .kpi .detail { font-size: .85rem; color: var(--muted); }
    .worse { color: var(--worse); font-weight: 700; }
    .better { color: var(--better); font-weight: 700; }
    .empty { color: var(--muted); background: var(--bg); border-radius: 6px; padding: 8px 12px; }
    .note { color: var(--muted); font-size: .9rem; }
    .table-wrap { overflow-x: auto; margin: 8px 0; }
    table { border-collapse: collapse; min-width: min(100%, 560px); font-size: .92rem; font-variant-numeric: tabular-nums; }
    table.wide { width: 100%; }
    td.nowrap, th.nowrap { white-space: nowrap; }
    td.prose, th.prose { min-width: 10em; }
    th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    th { background: #eef2f5; font-weight: 700; white-space: nowrap; }
    th.num, td.num { text-align: right; white-space: nowrap; }
    tr.total td { font-weight: 700; border-top: 2px solid var(--line); }
    .tag { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: .8rem; background: #ffe7d6; color: #8a3200; white-space: nowrap; }
    .tag.new { background: #e3f0fb; color: #004c78; }
    code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; background: #eef1f4;
      padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
    blockquote { margin: 8px 0; padding: 8px 14px; border-left: 4px solid #c4ced8; background: #f8fafb;
      border-radius: 0 6px 6px 0; overflow-wrap: anywhere; }
    blockquote p { margin: 0; }
    blockquote footer { color: var(--muted); font-size: .85rem; margin-top: 2px; }
    .issue { border-top: 1px solid var(--line); padding-top: 4px; margin-top: 16px; }
    .issue .facts { color: var(--muted); font-size: .92rem; }
    .chart { overflow-x: auto; margin: 8px 0 16px; }
    .chart svg { display: block; width: 100%; min-width: 640px; height: auto; }
    .chart-caption { color: var(--muted); font-size: .85rem; margin: -8px 0 12px; }
    svg .tick, svg .legend, svg .label { fill: var(--ink); font-size: 13px; }
    svg .tick.muted { fill: var(--muted); font-size: 12px; }
    svg .value { fill: var(--ink); font-size: 12.5px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    svg .strong { font-weight: 700; }
    svg .value.dis { fill: #a8430a; }
    svg .value.suc { fill: #005a8c; }
    svg .grid { stroke: #e4e9ee; stroke-width: 1; }
    svg .baseline-axis { stroke: #8c959f; stroke-width: 1.2; }
    svg .baseline-line { stroke: #D55E00; stroke-width: 1.6; stroke-dasharray: 6 5; opacity: .8; }
    svg .current-week { fill: #fff4e0; }
    svg.spark { width: 120px; height: 28px; display: block; }
    @media (max-width: 640px) {
      body { font-size: 14px; }
      main { padding: 12px 8px 32px; }
      section { padding: 12px 12px; border-radius: 8px; }
      dl.meta { grid-template-columns: 1fr; }
      dl.meta dd { margin-bottom: 6px; }
    }
    @media print {
      @page { size: A4; margin: 12mm; }
      body { background: #fff; font-size: 11pt; }
      main { max-width: none; padding: 0; }
      section { border: none; border-radius: 0; padding: 0; margin: 0 0 14pt; }
      .chart, .table-wrap { overflow: visible; }
      .chart svg { min-width: 0; }
      table { font-size: 8.5pt; }
      th, td { padding: 3pt 5pt; }
      svg.spark { width: 72px; height: 20px; }
      .chart, .kpi, blockquote, tr, .issue { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
