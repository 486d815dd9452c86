/**
 * One document as one self-contained HTML page: raw and normalized text side
 * by side, repairs marked in the raw text, entities, figures, quotes and
 * relations highlighted by type in both, a sidebar listing everything; a
 * click on an item scrolls both texts to it.
 *
 * Safety: every piece of document text goes through `esc`; the page loads
 * nothing (Content-Security-Policy default-src 'none') and runs only its own
 * script, allowed by hash, so even a missed escape could not run code.
 *
 * Overlaps (a figure inside a quote inside a relation) are drawn by cutting
 * the text at every span boundary: each segment is one element carrying the
 * ids of all spans covering it; the innermost span gives the background and
 * the enclosing ones stacked underlines.
 */
import { createHash } from 'node:crypto';

export type ItemGroup = 'entity' | 'figure' | 'quote' | 'relation';

export interface ReportItem {
  /** unique in the page: m<seq>, f<seq>, q<seq>, r<seq> */
  id: string;
  group: ItemGroup;
  /** mention:ORG, figure:money, quote, relation:person-title-org */
  label: string;
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
  /** normalized surface */
  text: string;
  rule: string;
  ruleVersion: number;
  /** value, unit, speaker …: shown on hover and in the sidebar */
  details: Array<[string, string]>;
}

export interface ReportRepair {
  id: string;
  pass: string;
  kind: string;
  rawStart: number;
  rawEnd: number;
  before: string;
  after: string;
}

export interface ReportData {
  docId: string;
  path: string;
  raw: string;
  normalized: string;
  encoding?: string;
  pipeline?: string;
  /** where the data came from: "database data/news.db" or "processed in memory" */
  source?: string;
  items: ReportItem[];
  repairs: ReportRepair[];
  /** the document's coded messages: why a pass repaired, what a rule or reader warned about */
  messages?: ReportMessage[];
}

export interface ReportMessage {
  code: string;
  severity: string;
  source: string;
  message: string;
  rawStart: number | null;
  rawEnd: number | null;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escape text for element content and quoted attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

export interface Spanned {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** ids of the spans covering [start, end), outermost (longest) first */
  ids: string[];
}

/**
 * Cut [0, length) at every span boundary. Each segment lists every span that
 * covers it, so nested and crossing spans both come out right. Spans are
 * clipped to the text; empty spans cover nothing but cut the text there.
 */
export function segments(length: number, spans: readonly Spanned[]): Segment[] {
  const clipped = spans.map((s) => ({ id: s.id, start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }));
  const valid = clipped.filter((s) => s.start < s.end);
  // empty spans cover nothing but still cut, so an insertion point falls between segments
  const cuts = new Set<number>([0, length]);
  for (const s of clipped) {
    if (s.start > s.end) continue;
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  // sweep: spans sorted by start enter, and leave once their end is passed
  const byStart = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const active: typeof valid = [];
  const out: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i]!;
    const b = bounds[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= a) active.push(byStart[next++]!);
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.end <= a) active.splice(k, 1);
    const ids = active
      .filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => y.end - y.start - (x.end - x.start) || (x.id < y.id ? -1 : 1))
      .map((s) => s.id);
    out.push({ start: a, end: b, ids });
  }
  return out;
}

const ENTITY_COLORS: Record<string, string> = {
  PERSON: '#ffd6a5',
  ORG: '#a0c4ff',
  LOC: '#b9fbc0',
  POLICY: '#e4c1f9',
  PRODUCT: '#fdffb6',
  EVENT: '#ffc6ff',
};

/** CSS class of an item: one per entity type, one for all figures, quotes, relations. */
export function itemClass(it: Pick<ReportItem, 'group' | 'label'>): string {
  if (it.group === 'entity') return `t-${it.label.slice('mention:'.length).replace(/[^A-Za-z0-9_-]/g, '')}`;
  return `t-${it.group}`;
}

const CSS = `
:root { --t-PERSON:${ENTITY_COLORS.PERSON}; --t-ORG:${ENTITY_COLORS.ORG}; --t-LOC:${ENTITY_COLORS.LOC}; --t-POLICY:${ENTITY_COLORS.POLICY};
  --t-PRODUCT:${ENTITY_COLORS.PRODUCT}; --t-EVENT:${ENTITY_COLORS.EVENT}; --t-figure:#ffadad; --t-quote:#e9ecef; --t-relation:#6c757d;
  --t-repair:#ffe066; --t-other:#dee2e6; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 14px/1.6 "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #212529; }
header { padding: 6px 12px; border-bottom: 1px solid #ced4da; background: #f8f9fa; height: 64px; overflow: hidden; }
header h1 { font-size: 16px; margin: 0; }
header .meta { color: #495057; font-size: 12px; }
.legend { display: inline-flex; gap: 6px; flex-wrap: wrap; margin-left: 4px; }
.legend span { padding: 0 6px; border-radius: 3px; font-size: 12px; }
.layout { display: grid; grid-template-columns: 300px 1fr 1fr; height: calc(100% - 64px); }
nav { overflow: auto; border-right: 1px solid #ced4da; padding: 6px 8px; font-size: 13px; }
nav h2 { font-size: 13px; margin: 10px 0 4px; }
nav ol { list-style: none; margin: 0; padding: 0; }
nav li { margin: 2px 0; }
nav button { all: unset; cursor: pointer; display: block; width: 100%; padding: 1px 4px; border-radius: 3px; border-left: 4px solid var(--c, #adb5bd); }
nav button:hover, nav button.active { background: #e7f5ff; }
nav small { color: #6c757d; }
.pane { overflow: auto; padding: 0 12px 40vh; border-right: 1px solid #ced4da; }
.pane h2 { position: sticky; top: 0; margin: 0; padding: 6px 0; background: #fff; font-size: 14px; z-index: 1; border-bottom: 1px solid #e9ecef; }
.text { white-space: pre-wrap; word-break: break-all; font-size: 15px; line-height: 1.9; margin: 8px 0; }
.s { border-radius: 2px; cursor: pointer; }
.s.rep { background: var(--t-repair); text-decoration: line-through rgba(200,0,0,.6); }
.pt { display: inline-block; width: 0; border-left: 2px solid #e03131; height: 1.1em; vertical-align: text-bottom; }
.flash { outline: 2px solid #e8590c; outline-offset: 1px; }
`;

const SCRIPT = `
(function () {
  var flashed = [];
  function first(pane, id) {
    var all = pane ? pane.querySelectorAll('[data-ids~="' + id + '"]') : [];
    return all.length ? all : null;
  }
  function go(id) {
    flashed.forEach(function (e) { e.classList.remove('flash'); });
    flashed = [];
    ['raw', 'norm'].forEach(function (p) {
      var segs = first(document.getElementById(p), id);
      if (!segs) return;
      segs[0].scrollIntoView({ block: 'center', inline: 'nearest' });
      for (var i = 0; i < segs.length; i++) { segs[i].classList.add('flash'); flashed.push(segs[i]); }
    });
    var act = document.querySelector('nav button.active');
    if (act) act.classList.remove('active');
    var b = document.querySelector('nav button[data-go="' + id + '"]');
    if (b) { b.classList.add('active'); }
    return b;
  }
  document.addEventListener('click', function (e) {
    var t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    var b = t.closest('[data-go]');
    if (b) { go(b.getAttribute('data-go')); return; }
    var s = t.closest('[data-ids]');
    if (s) {
      var ids = s.getAttribute('data-ids').split(' ');
      var btn = go(ids[ids.length - 1]);
      if (btn) btn.scrollIntoView({ block: 'nearest' });
    }
  });
  window.zhnewsGo = go;
})();
`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

function describe(it: ReportItem): string {
  const parts = [`${it.label}`, `rule ${it.rule} v${it.ruleVersion}`];
  for (const [k, v] of it.details) parts.push(`${k}: ${v}`);
  parts.push(`normalized [${it.start}, ${it.end})`, `raw [${it.rawStart}, ${it.rawEnd})`);
  return parts.join(' · ');
}

function describeRepair(r: ReportRepair): string {
  return `repair ${r.pass}/${r.kind} · ${JSON.stringify(r.before)} → ${JSON.stringify(r.after)} · raw [${r.rawStart}, ${r.rawEnd})`;
}

interface Styled {
  id: string;
  start: number;
  end: number;
  cls: string;
  title: string;
  /** relations only underline: they span whole clauses */
  underlineOnly: boolean;
}

function renderText(text: string, spans: readonly Styled[]): string {
  const byId = new Map(spans.map((s) => [s.id, s]));
  // zero-length spans (a raw insertion point) become a thin marker
  const points = new Map<number, Styled[]>();
  for (const s of spans) {
    if (s.start === s.end && s.start >= 0 && s.start <= text.length) {
      const l = points.get(s.start) ?? [];
      l.push(s);
      points.set(s.start, l);
    }
  }
  const pointHtml = (at: number) =>
    (points.get(at) ?? []).map((p) => `<span class="pt" data-ids="${esc(p.id)}" title="${esc(p.title)}"></span>`).join('');
  let html = '';
  for (const seg of segments(text.length, spans)) {
    html += pointHtml(seg.start);
    const body = esc(text.slice(seg.start, seg.end));
    if (seg.ids.length === 0) {
      html += body;
      continue;
    }
    const covering = seg.ids.map((id) => byId.get(id)!);
    // innermost filled span gives the background; the rest stack underlines (outermost lowest)
    const filled = covering.filter((s) => !s.underlineOnly);
    const inner = filled.at(-1);
    const lines = covering.filter((s) => s !== inner).reverse().slice(0, 4);
    const style: string[] = [];
    if (inner) style.push(`background:var(--${inner.cls})`);
    if (lines.length) style.push(`box-shadow:${lines.map((s, k) => `inset 0 -${2 * (k + 1)}px 0 var(--${s.cls})`).join(',')}`);
    const isRepair = inner?.cls === 't-repair';
    html +=
      `<span class="s${isRepair ? ' rep' : ''}" data-ids="${esc(seg.ids.join(' '))}"` +
      ` title="${esc(covering.map((s) => s.title).join('\n'))}" style="${style.join(';')}">${body}</span>`;
  }
  html += pointHtml(text.length);
  return html;
}

const GROUP_TITLES: Array<[ItemGroup, string]> = [
  ['entity', 'Entities'],
  ['figure', 'Figures'],
  ['quote', 'Quotes'],
  ['relation', 'Relations'],
];

function sidebar(data: ReportData): string {
  let html = '';
  for (const [group, title] of GROUP_TITLES) {
    const items = data.items.filter((i) => i.group === group).sort((a, b) => a.start - b.start || b.end - a.end);
    html += `<h2>${esc(title)} (${items.length})</h2><ol>`;
    for (const it of items) {
      const det = it.details.map(([k, v]) => `${k} ${v}`).join(' · ');
      html +=
        `<li><button type="button" data-go="${esc(it.id)}" style="--c:var(--${itemClass(it)})" title="${esc(describe(it))}">` +
        `${esc(it.text)} <small>${esc(it.label)} · ${esc(it.rule)}${det ? ' · ' + esc(det) : ''}</small></button></li>`;
    }
    html += '</ol>';
  }
  html += `<h2>Repairs (${data.repairs.length})</h2><ol>`;
  for (const r of data.repairs) {
    html +=
      `<li><button type="button" data-go="${esc(r.id)}" style="--c:var(--t-repair)" title="${esc(describeRepair(r))}">` +
      `${esc(JSON.stringify(r.before))} → ${esc(JSON.stringify(r.after))} <small>${esc(r.pass)}/${esc(r.kind)}</small></button></li>`;
  }
  html += '</ol>';
  const messages = data.messages ?? [];
  html += `<h2>Messages (${messages.length})</h2><ol class="messages">`;
  for (const m of messages) {
    const where = m.rawStart !== null ? ` · raw ${m.rawStart}–${m.rawEnd ?? m.rawStart}` : '';
    html += `<li class="msg-${esc(m.severity)}"><b>${esc(m.code)}</b> ${esc(m.message)} <small>${esc(m.severity)} · ${esc(m.source)}${where}</small></li>`;
  }
  return html + '</ol>';
}

/** The page. */
export function renderReport(data: ReportData): string {
  const styled = (useRaw: boolean): Styled[] =>
    data.items.map((it) => ({
      id: it.id,
      start: useRaw ? it.rawStart : it.start,
      end: useRaw ? it.rawEnd : it.end,
      cls: itemClass(it),
      title: describe(it),
      underlineOnly: it.group === 'relation',
    }));
  const repairs: Styled[] = data.repairs.map((r) => ({
    id: r.id, start: r.rawStart, end: r.rawEnd, cls: 't-repair', title: describeRepair(r), underlineOnly: false,
  }));
  const counts = GROUP_TITLES.map(([g, t]) => `${data.items.filter((i) => i.group === g).length} ${t.toLowerCase()}`).join(', ');
  const legendTypes = [...new Set(data.items.map((i) => itemClass(i)))].sort();
  const legend = [...legendTypes, 't-repair']
    .map((c) => `<span style="background:var(--${c})${c === 't-relation' ? ';color:#fff' : ''}">${esc(c.slice(2))}</span>`)
    .join('');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(data.docId)} · zhnews report</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(data.docId)}</h1>
<div class="meta">${esc(data.path)}${data.encoding ? ' · ' + esc(data.encoding) : ''}${data.pipeline ? ' · pipeline ' + esc(data.pipeline) : ''}${data.source ? ' · ' + esc(data.source) : ''} · ${esc(counts)}, ${data.repairs.length} repairs
<span class="legend">${legend}</span></div>
</header>
<div class="layout">
<nav id="sidebar" aria-label="extractions">${sidebar(data)}</nav>
<section class="pane" id="raw-pane"><h2>Raw (repairs marked)</h2><div class="text" id="raw">${renderText(data.raw, [...repairs, ...styled(true)])}</div></section>
<section class="pane" id="norm-pane"><h2>Normalized</h2><div class="text" id="norm">${renderText(data.normalized, styled(false))}</div></section>
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
