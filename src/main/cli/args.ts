/**
 * Command-line words to service input. `add` takes any record field as --kebab-case-name, so the
 * CLI follows the model without a flag list of its own; the service validates the values.
 */
import { ArchiveFailure } from '../../shared/result';

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/** Options that take no value. */
const BOOLEAN_OPTIONS = new Set([
  'json',
  'all',
  'asc',
  'date-approximate',
  'no-date-approximate',
  'help',
  'yes',
  'no-wait',
  'no-ocr',
  'run',
  'dry-run',
  'force',
  'skip-bad-rows',
  'skip-possible-duplicates',
  'no-header',
  'merge',
]);

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('--') || word === '--') {
      positional.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.slice(2, eq > 0 ? eq : undefined);
    if (!/^[a-z][a-z0-9-]*$/.test(name))
      throw new ArchiveFailure('invalid_input', 'cli', { detail: `"${word}" is not an option` });
    if (BOOLEAN_OPTIONS.has(name) && eq < 0) {
      flags.add(name);
      continue;
    }
    const value = eq > 0 ? word.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new ArchiveFailure('invalid_input', 'cli', { detail: `--${name} needs a value` });
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positional, options, flags };
}

export function kebabToCamel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function single(args: ParsedArgs, name: string): string | undefined {
  const values = args.options.get(name);
  if (!values) return undefined;
  if (values.length > 1)
    throw new ArchiveFailure('invalid_input', 'cli', {
      detail: `--${name} was given ${values.length} times; give it once`,
    });
  return values[0];
}

export function integer(args: ParsedArgs, name: string, fallback?: number): number | undefined {
  const raw = single(args, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw))
    throw new ArchiveFailure('invalid_input', 'cli', { detail: `--${name}: "${raw}" is not a whole number` }, name);
  return Number(raw);
}

export function recordId(raw: string | undefined, command: string): number {
  if (raw === undefined) throw new ArchiveFailure('invalid_input', 'cli', { detail: `${command} needs a record ID` });
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw new ArchiveFailure('invalid_input', 'cli', {
      detail: `"${raw}" is not a record ID (a positive whole number)`,
    });
  return Number(raw);
}

/** Options naming list fields, which may repeat or hold comma-separated values. */
const LIST_OPTIONS: Record<string, string> = {
  language: 'languages',
  languages: 'languages',
  tag: 'tags',
  tags: 'tags',
};
const ALIASES: Record<string, string> = { ref: 'referenceCode', issuer: 'publisher' };
const NUMBER_FIELDS = new Set(['collectionId']);

/** Turns `add`/`edit` options into a record input object, leaving validation to the service. */
export function recordFields(args: ParsedArgs, skip: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, values] of args.options) {
    if (skip.has(name)) continue;
    const list = LIST_OPTIONS[name];
    if (list) {
      const items = values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      out[list] = [...((out[list] as string[] | undefined) ?? []), ...items];
      continue;
    }
    if (name === 'commitment') {
      out.commitments = values.map((text) => ({ text }));
      continue;
    }
    const field = ALIASES[name] ?? kebabToCamel(name);
    if (values.length > 1)
      throw new ArchiveFailure(
        'invalid_input',
        'cli',
        { detail: `--${name} was given ${values.length} times; give it once` },
        field,
      );
    const value = values[0]!;
    out[field] = NUMBER_FIELDS.has(field) && /^\d+$/.test(value) ? Number(value) : value;
  }
  if (args.flags.has('date-approximate')) out.dateApproximate = true;
  if (args.flags.has('no-date-approximate')) out.dateApproximate = false;
  return out;
}
