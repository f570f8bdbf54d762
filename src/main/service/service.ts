/**
 * The service: the one entrance every door (IPC, browser host, CLI) uses. It validates each
 * input against the contract before anything reaches the catalogue, and always answers with a
 * Result envelope: malformed input gets one clear message naming the field, and writes nothing.
 */
import type { z } from 'zod';
import { contract, isChannel, type Channel, type InputOf, type OutputOf } from '../../shared/contract';
import { issueParams } from '../../shared/errors/zod';
import { archiveError, type ArchiveError, type Result } from '../../shared/result';
import type { PathRule } from '../documents/path-rule';
import { internalRefusal, pathRefusal } from './door';
import type { Executor } from './executor';

export interface Service {
  /**
   * In-process callers (the job runner, the fixity check, the snapshot keeper, CLI commands,
   * tests): every channel, internal ones included, and paths unrestricted.
   */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  /**
   * A door's request (the desktop window over IPC, a page through the browser host): internal
   * channels are refused, and every path the request names or leads to is held to `rule`, down to
   * where the handlers open files.
   */
  serve(channel: string, input: unknown, rule: PathRule): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/** The first problem zod found, as "field: message" in English, with its field and problem key. */
export function describeIssue(error: z.ZodError): ArchiveError {
  const issue = error.issues[0];
  if (!issue)
    return archiveError('invalid_input', 'field_invalid', { field: '', problem: 'invalid', detail: 'invalid input' });
  const params = issueParams(issue);
  return archiveError('invalid_input', 'field_invalid', params, params.field || undefined);
}

export function createService(executor: Executor, options: { checkOutputs?: boolean } = {}): Service {
  const run = async (channel: string, input: unknown, rule: PathRule | undefined): Promise<Result<unknown>> => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return { ok: false, error: archiveError('invalid_input', 'unknown_operation', { channel: String(channel) }) };
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) return { ok: false, error: describeIssue(parsed.error) };
    // A door's paths are checked once the input is known to be well formed and within its bounds.
    const outside = rule ? pathRefusal(channel, parsed.data, rule) : null;
    if (outside) return outside;
    const result = await executor.run(channel, parsed.data, rule);
    if (result.ok && options.checkOutputs) {
      const out = spec.output.safeParse(result.value);
      if (!out.success) {
        const problem = describeIssue(out.error);
        return {
          ok: false,
          error: archiveError('internal', 'internal', {
            detail: `${channel} produced an invalid answer: ${problem.message}`,
          }),
        };
      }
    }
    return result;
  };
  const invoke = (channel: string, input: unknown) => run(channel, input, undefined);
  return {
    invoke,
    call: (channel, input) => invoke(channel, input) as never,
    serve: async (channel, input, rule) => internalRefusal(channel) ?? run(channel, input, rule),
    close: () => executor.close(),
  };
}
