#!/usr/bin/env node
/**
 * `civic-archive [--library DIR] [--json] COMMAND ...` — the command line door to the service.
 * Exit status: 0 done, 1 the user's request was wrong (one line on stderr says what), 2 internal error.
 */
import { ArchiveFailure } from '../../shared/result';
import { chooseLibrary } from '../locations';
import { inProcessExecutor } from '../service/executor';
import { createService } from '../service/service';
import { parseArgs, single } from './args';
import { argumentEncodingProblem } from './argv-encoding';
import { checkCall } from './command';
import { commands } from './commands';
import { terminalSafe } from './terminal';

function usage(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage.padEnd(60)} ${c.summary}`);
  return [
    'Usage: civic-archive [--library DIR] [--json] COMMAND ...',
    '',
    'Commands:',
    ...lines,
    '',
    "The library is --library DIR, else $CIVIC_ARCHIVE_LIBRARY, else the app's default library.",
  ].join('\n');
}

/**
 * Runs one command. Everything it prints, on stdout through `out` and on stderr, passes through
 * terminalSafe here, so no command can send a stored control character to the terminal.
 */
export async function runCli(argv: string[], write: (text: string) => void = (t) => console.log(t)): Promise<number> {
  const out = (text: string) => write(terminalSafe(text));
  let service: Awaited<ReturnType<typeof createService>> | null = null;
  try {
    const args = parseArgs(argv);
    const name = args.positional[0];
    if (args.flags.has('help') || name === 'help') {
      out(usage());
      return 0;
    }
    if (!name) throw new ArchiveFailure('invalid_input', 'cli', { detail: 'no command given (try --help)' });
    const command = commands[name];
    if (!command)
      throw new ArchiveFailure('invalid_input', 'cli', { detail: `unknown command "${name}" (try --help)` });
    checkCall(name, command, args);
    if (command.standalone) {
      await command.standalone({ args, json: args.flags.has('json'), out });
      return 0;
    }
    const library = chooseLibrary(single(args, 'library'));
    const executor = await inProcessExecutor(library, 'cli');
    service = createService(executor);
    await command.run({ service, library, args, json: args.flags.has('json'), out });
    return 0;
  } catch (error) {
    if (error instanceof ArchiveFailure && error.code !== 'internal') {
      console.error(terminalSafe(`civic-archive: ${error.message}`));
      return 1;
    }
    console.error(terminalSafe(`civic-archive: internal error: ${(error as Error).stack ?? String(error)}`));
    return 2;
  } finally {
    await service?.close();
  }
}

const invokedDirectly = process.argv[1] && /cli(\/main)?\.(ts|js)$/.test(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  // Before anything else reads the arguments: a word Node has already decoded lossily is refused.
  const badEncoding = argumentEncodingProblem(process.argv.slice(2));
  if (badEncoding) {
    console.error(`civic-archive: ${badEncoding}`);
    process.exitCode = 1;
  } else {
    void runCli(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    });
  }
}
