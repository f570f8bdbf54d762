/**
 * The line (1-based) of a character index in a text, by binary search over the offsets of line
 * starts, found once: error messages name the line, and a large file (a 2 MB style, a bibliography
 * of thousands of entries) has many places to name.
 */
export function lineFinder(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
