// Formats zod issues as `references[3].id: expected a number`: the path first, then a short reason.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** `["references", 3, "id"]` → `references[3].id`; the root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

const ARTICLES: Record<string, string> = {
  number: 'a number', string: 'a string', array: 'an array', object: 'an object', boolean: 'true or false',
  int: 'a whole number', integer: 'a whole number',
};

/** The value at `path` in the parsed input, to tell "missing" from "wrong type". */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}

function reasonOf(issue: Issue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input !== undefined && valueAt(input, issue.path) === undefined) return `required: expected ${ARTICLES[issue.expected] ?? issue.expected}`;
      return `expected ${ARTICLES[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'expected a non-empty string';
      if (issue.origin === 'number') return `expected a number ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
      return `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * All issues, `; `-separated, each `path: reason`. Pass the parsed input so that a missing field
 * reads `required` rather than the zod wording about `undefined`.
 */
export function formatIssues(error: Pick<z.core.$ZodError, 'issues'>, input?: unknown): string {
  return error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' || issue.path.length > 0 ? formatPath(issue.path) : '(root)';
    return `${path}: ${reasonOf(issue, input)}`;
  }).join('; ');
}
