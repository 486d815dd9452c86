/**
 * Where a raw span came from in its source, read from a document's stored
 * layout (documents.layout): PDF page and box (the union of the line boxes
 * the span touches, one per page), the HTML element path, the DOCX paragraph.
 */

export interface SourcePlace {
  kind: 'pdf' | 'html' | 'docx';
  /** PDF: 1-based page and box in points from the page's top-left corner, per page touched */
  boxes?: Array<{ page: number; x0: number; y0: number; x1: number; y1: number }>;
  /** HTML: element paths; DOCX: "paragraph N (style)" */
  paths?: string[];
}

type Run = [number, number, ...unknown[]];

function touching<T extends Run>(rows: T[], start: number, end: number): T[] {
  // rows are in raw order; a zero-length span touches the row that holds its position
  return rows.filter((r) => (end > start ? r[0] < end && r[1] > start : r[0] <= start && start < r[1]));
}

export function sourceOf(layout: unknown, start: number, end: number): SourcePlace | null {
  if (!layout || typeof layout !== 'object') return null;
  const l = layout as { kind?: string; runs?: Run[]; lines?: Run[] };
  if (l.kind === 'pdf' && Array.isArray(l.runs)) {
    const byPage = new Map<number, { page: number; x0: number; y0: number; x1: number; y1: number }>();
    for (const r of touching(l.runs, start, end)) {
      const [, , page, x0, y0, x1, y1] = r as [number, number, number, number, number, number, number];
      const b = byPage.get(page);
      if (!b) byPage.set(page, { page, x0, y0, x1, y1 });
      else Object.assign(b, { x0: Math.min(b.x0, x0), y0: Math.min(b.y0, y0), x1: Math.max(b.x1, x1), y1: Math.max(b.y1, y1) });
    }
    return byPage.size ? { kind: 'pdf', boxes: [...byPage.values()] } : null;
  }
  if ((l.kind === 'html' || l.kind === 'docx') && Array.isArray(l.lines)) {
    const rows = touching(l.lines, start, end);
    if (!rows.length) return null;
    const paths = rows.map((r) => (l.kind === 'html' ? String(r[2]) : `paragraph ${r[2]}${r[3] ? ` (${r[3]})` : ''}`));
    return { kind: l.kind, paths: [...new Set(paths)] };
  }
  return null;
}
