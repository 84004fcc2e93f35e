"""The inline style sheet of HTML minutes: readable on screen, clean on A4 and Letter paper."""

from __future__ import annotations

from okrtui.minutes.charts import CHART_CSS

# No width wider than the page: the body is fluid up to a reading width and tables take the
# full width. In a table cell a word or a number never breaks: text wraps at spaces, numbers,
# dates and states do not wrap at all, and only a token longer than any word
# (`escape.LONG_TOKEN`, in a `.long` span) may break. In a window narrower than A4 each table
# row stacks into labelled lines; on paper the tables stay tables. Print margins suit both
# A4 and Letter.
CSS = """
@page { margin: 16mm 14mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1d2327; margin: 2rem auto; padding: 0 1rem; max-width: 52rem;
}
h1, h2, h3, p, li, dd { overflow-wrap: break-word; }
h1 { font-size: 1.6em; margin: 0 0 .4em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; border-bottom: 1px solid #ccd3d9; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: .4em 0 1em; table-layout: auto;
  font-size: .92em; }
th, td {
  border: 1px solid #ccd3d9; padding: .25em .4em; vertical-align: top; text-align: left;
  overflow-wrap: normal; word-break: normal; hyphens: manual;
}
th { background: #eef1f4; }
td.num, th.num { text-align: right; }
td.num, td.date, td.state { white-space: nowrap; }
td .long { overflow-wrap: anywhere; word-break: break-all; }
thead { display: table-header-group; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
ul { padding-left: 1.3em; margin: .3em 0 .8em; }
.celebrated { font-weight: 600; }
/* A band is a label with its word, readable without colour: a border and bold type. */
.band { display: inline-block; padding: 0 .45em; border: 1px solid; border-radius: .3em;
  font-weight: 600; white-space: nowrap; -webkit-print-color-adjust: exact;
  print-color-adjust: exact; }
.band-green { background: #c9ecd0; border-color: #1a7f37; color: #0f4d22; }
.band-yellow { background: #f8eab0; border-color: #9a6700; color: #5c3d00; }
.band-red { background: #f6c9c5; border-color: #cf222e; color: #82071e; }
/* A confidence in the colour the screens give it (their theme's success, warning, error). */
.confidence-success { color: #1a7f37; }
.confidence-warning { color: #9a6700; }
.confidence-error { color: #cf222e; }
td.overdue { color: #cf222e; font-weight: 600; }
.legend, .none, .draft { color: #56616b; }
td.callout { font-style: italic; }
@media screen and (max-width: 44rem) {
  table, thead, tbody, tr, th, td { display: block; width: 100%; }
  thead { position: absolute; left: -9999px; }
  tr { border: 1px solid #ccd3d9; margin-bottom: .5em; }
  td { border: 0; border-bottom: 1px solid #eef1f4; }
  td.num { text-align: left; }
  td::before { content: attr(data-label) ": "; font-weight: 600; }
}
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; }
}
""".strip()
CSS = f"{CSS}\n{CHART_CSS}"
