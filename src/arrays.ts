// Array helpers safe at any length. Spreading an array into a call (Math.max(...xs), out.push(...xs)) passes
// every element as an argument, and past some hundred thousand elements that overflows the stack: a document of
// one 3 MB line made the extractor crash so. Use these wherever the array's length comes from the input.

/** Math.min(seed, ...xs) for any number of xs. */
export function minOf(xs: Iterable<number>, seed = Infinity): number {
  let min = seed;
  for (const x of xs) min = Math.min(min, x);
  return min;
}

/** Math.max(seed, ...xs) for any number of xs. */
export function maxOf(xs: Iterable<number>, seed = -Infinity): number {
  let max = seed;
  for (const x of xs) max = Math.max(max, x);
  return max;
}

/** out.push(...items) for any number of items; returns `out`. */
export function pushAll<T>(out: T[], items: Iterable<T>): T[] {
  for (const item of items) out.push(item);
  return out;
}
