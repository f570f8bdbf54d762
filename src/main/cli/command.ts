/**
 * What a CLI command is: a thin shell over service channels, so the CLI can never do what the
 * app could not (and vice versa). Each capability keeps its commands in cli/commands/.
 */
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { ArchiveFailure } from '../../shared/result';
import type { Service } from '../service/service';
import type { ParsedArgs } from './args';

export interface CommandContext {
  service: Service;
  /** The library's folder: what a command reads straight from disk (the search snapshot) is found there. */
  library: string;
  args: ParsedArgs;
  json: boolean;
  /**
   * Prints a line on stdout. runCli gives every command one that escapes control characters
   * (cli/terminal.ts), so stored text cannot steer the terminal whatever a command prints.
   */
  out: (text: string) => void;
}

export interface Command {
  usage: string;
  summary: string;
  /** Options the command takes besides the global ones (--library, --json). */
  options: string[];
  /** How many words may follow the command name: [at least, at most]. */
  words: [number, number];
  /** Checks the words and options before the library is opened, so a wrong call touches nothing. */
  check?(args: ParsedArgs): void;
  /** A command that must not open the library first (restore creates it): runs instead of `run`. */
  standalone?(ctx: Omit<CommandContext, 'service' | 'library'>): Promise<void> | void;
  run(ctx: CommandContext): Promise<void>;
}

/** Refuses unknown options and a wrong number of words, naming the problem. */
export function checkCall(name: string, command: Command, args: ParsedArgs): void {
  for (const option of args.options.keys()) {
    if (option !== 'library' && !command.options.includes(option))
      throw new ArchiveFailure('invalid_input', 'cli', { detail: `unknown option --${option} for ${name}` });
  }
  const words = args.positional.slice(1);
  const [min, max] = command.words;
  if (words.length < min)
    throw new ArchiveFailure('invalid_input', 'cli', {
      detail: `${name} needs ${command.usage.slice(name.length + 1)}`,
    });
  if (words.length > max)
    throw new ArchiveFailure('invalid_input', 'cli', {
      detail: `${name} got an unexpected "${words[max]}" (usage: ${command.usage})`,
    });
  command.check?.(args);
}

export async function call<C extends Channel>(
  ctx: CommandContext,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const result = await ctx.service.call(channel, input);
  if (!result.ok) throw ArchiveFailure.from(result.error);
  return result.value;
}

/** The value as JSON with --json, else the human text; both through ctx.out (escaped), which keeps the JSON valid. */
export const print = (ctx: Pick<CommandContext, 'json' | 'out'>, value: unknown, text: () => string) =>
  ctx.out(ctx.json ? JSON.stringify(value, null, 2) : text());
