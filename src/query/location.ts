/** Source locations: 1-based line:column of a raw offset (columns in UTF-16 code units, like editors' JS offsets). */

/** Offsets at which each line of `raw` starts (after \n, \r\n or a lone \r). */
export function lineStarts(raw: string): number[] {
  const starts = [0];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && raw.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

/** A function from raw offset to "line:column", by binary search over the line starts. */
export function locator(raw: string): (offset: number) => string {
  const starts = lineStarts(raw);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${lo + 1}:${offset - starts[lo]! + 1}`;
  };
}
