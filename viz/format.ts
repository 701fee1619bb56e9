/** Words for numbers, as the viewer's texts write them. */

/** `n` with its noun, singular for one: "1 group", "0 groups", "24 groups". */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
