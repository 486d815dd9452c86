/** Command-line options of the bench scripts. */
export const args = process.argv.slice(2);

/** The positive number after `name` (`--repeat 3`), else the fallback. */
export function numberArg(name: string, fallback: number): number {
  const at = args.indexOf(name);
  const v = at >= 0 ? Number(args[at + 1]) : NaN;
  return v > 0 ? v : fallback;
}
