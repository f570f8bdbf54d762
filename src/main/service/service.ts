/**
 * The service: the one entrance every door (IPC, browser host, CLI) uses. It validates each
 * input against the contract before anything reaches the catalogue, and always answers with a
 * Result envelope: malformed input gets one clear message naming the field, and writes nothing.
 */
import type { z } from 'zod';
import { contract, isChannel, type Channel, type InputOf, type OutputOf } from '../../shared/contract';
import type { ArchiveError, Result } from '../../shared/result';
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

/** The first problem zod found, as "field: message". */
export function describeIssue(error: z.ZodError): ArchiveError {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid_input', message: 'invalid input' };
  const field = issue.path.map(String).join('.');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  } else if (issue.code === 'invalid_value' && 'values' in issue) {
    message = `must be one of ${(issue.values as unknown[]).map((v) => String(v)).join(', ')}`;
  } else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    message = 'is required';
  }
  return field
    ? { code: 'invalid_input', message: message.startsWith(`${field}:`) ? message : `${field}: ${message}`, field }
    : { code: 'invalid_input', message };
}

export function createService(executor: Executor, options: { checkOutputs?: boolean } = {}): Service {
  const run = async (channel: string, input: unknown, rule: PathRule | undefined): Promise<Result<unknown>> => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return { ok: false, error: { code: 'invalid_input', message: `unknown operation "${String(channel)}"` } };
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
          error: { code: 'internal', message: `${channel} produced an invalid answer: ${problem.message}` },
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
