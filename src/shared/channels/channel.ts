import type { z } from 'zod';

/** One contract entry: the schema of the input, of the output, and whether it writes to the catalogue. */
export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates: boolean) {
  return { input, output, mutates };
}
