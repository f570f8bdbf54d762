import type { z } from 'zod';

/**
 * One contract entry: the schema of the input, of the output, whether it writes to the catalogue,
 * and whether it is internal. An internal channel is the app talking to itself (the job runner
 * reporting a job's outcome, the fixity check recording what it found): only in-process callers
 * reach it (service.invoke); no door (IPC, the browser host) answers it, and no client exposes it.
 * A page holding the host's token could otherwise mark an altered file as intact or write any page text.
 */
export function channel<I extends z.ZodType, O extends z.ZodType, const Internal extends boolean = false>(
  input: I,
  output: O,
  mutates: boolean,
  options?: { internal: Internal },
) {
  return { input, output, mutates, internal: (options?.internal ?? false) as Internal };
}

/** Marks a channel internal (see channel()). */
export const INTERNAL = { internal: true } as const;
