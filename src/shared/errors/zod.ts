/**
 * A zod issue as `field_invalid` params: the field path, a problem key (zod's issue code, or the
 * model's own key for its custom checks: `not_date`, `only_agreements` …) and the limit or value the
 * wording needs. `detail` keeps the English sentence for the envelope's message. The service and the
 * renderer's form checks both use it, so a field's error reads the same from either.
 */
import type { z } from 'zod';
import type { ReasonParams } from './reasons';

type Issue = z.core.$ZodIssue;

function englishDetail(issue: Issue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
  }
  if (isMissing(issue)) return 'is required';
  return issue.message;
}

function isMissing(issue: Issue): boolean {
  return issue.code === 'invalid_type' && /received undefined/.test(issue.message);
}

export function issueParams(issue: Issue): ReasonParams['field_invalid'] {
  const field = issue.path.map(String).join('.');
  const out: ReasonParams['field_invalid'] = { field, problem: issue.code, detail: englishDetail(issue) };
  if (isMissing(issue)) out.problem = 'required';
  else if (issue.code === 'too_small') {
    out.limit = Number(issue.minimum);
    out.origin = issue.origin;
    if (issue.origin === 'string' && out.limit === 1) out.problem = 'empty';
  } else if (issue.code === 'too_big') {
    out.limit = Number(issue.maximum);
    out.origin = issue.origin;
  } else if (issue.code === 'invalid_value') out.limit = issue.values.map((v) => String(v)).join(', ');
  else if (issue.code === 'unrecognized_keys') out.value = issue.keys.join(', ');
  else if (issue.code === 'custom') {
    // The model's own checks name their problem (and the value it concerns) in the issue's params.
    const own = (issue.params ?? {}) as { problem?: unknown; value?: unknown };
    if (typeof own.problem === 'string') out.problem = own.problem;
    if (typeof own.value === 'string') out.value = own.value;
  }
  return out;
}
