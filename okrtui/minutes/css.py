"""The inline style sheet of HTML minutes: readable on screen, clean on A4 and Letter paper."""

from __future__ import annotations

from okrtui.minutes.charts import CHART_CSS

# No width wider than the page: the body is fluid up to a reading width, tables take the full
# width and wrap long words, and print margins suit both A4 and Letter.
CSS = """
@page { margin: 16mm 14mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1d2327; margin: 2rem auto; padding: 0 1rem; max-width: 52rem;
  overflow-wrap: anywhere; word-break: normal;
}
h1 { font-size: 1.6em; margin: 0 0 .4em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; border-bottom: 1px solid #ccd3d9; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: .4em 0 1em; table-layout: auto; }
th, td {
  border: 1px solid #ccd3d9; padding: .25em .45em; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; word-break: break-word;
}
th { background: #eef1f4; }
td.num { text-align: right; }
thead { display: table-header-group; }
tr, li { break-inside: avoid; page-break-inside: avoid; }
ul { padding-left: 1.3em; margin: .3em 0 .8em; }
.celebrated { font-weight: 600; }
.band { padding: 0 .4em; border-radius: .3em; -webkit-print-color-adjust: exact;
  print-color-adjust: exact; }
.band-green { background: #c9ecd0; }
.band-yellow { background: #f8eab0; }
.band-red { background: #f6c9c5; }
/* A confidence in the colour the screens give it (their theme's success, warning, error). */
.confidence-success { color: #1a7f37; }
.confidence-warning { color: #9a6700; }
.confidence-error { color: #cf222e; }
.legend, .none, .draft { color: #56616b; }
td.callout { font-style: italic; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; }
}
""".strip()
CSS = f"{CSS}\n{CHART_CSS}"
