import type { FieldIssue } from './api-client.ts';

/**
 * Turns the server's `details.issues` into Mantine form errors keyed by path. `renamePath` maps an API path to
 * the form's when the form holds a value differently (a height in inches, for example).
 */
export function toFormErrors(issues: FieldIssue[], renamePath: (path: string) => string = (path) => path): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = renamePath(issue.path);
    errors[path] = errors[path] ? `${errors[path]} ${issue.message}` : issue.message;
  }
  return errors;
}
