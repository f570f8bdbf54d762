import type { z } from 'zod';
import type { CatalogueContext } from '../catalogue/context';

type Spec = { input: z.ZodType; output: z.ZodType };

/** A handler per channel of a group: validated input in, the channel's output out. */
export type HandlersFor<G extends Record<string, Spec>> = {
  [C in keyof G]: (ctx: CatalogueContext, input: z.output<G[C]['input']>) => z.output<G[C]['output']>;
};
