import { Alert, List } from '@mantine/core';
import { describeError, isApiError } from '../lib/api-client.ts';

/** Why a save failed: the server's field issues as a list (also shown on the fields), or its message. */
export function FormErrorAlert({ error, title }: { error: unknown; title: string }) {
  const issues = isApiError(error, 400) ? error.fieldIssues : [];
  return (
    <Alert color="red" role="alert" title={title}>
      {issues.length === 0 ? (
        describeError(error)
      ) : (
        <List size="sm">
          {issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${describePath(issue.path)}: ` : ''}
              {issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** `clinical.medications.2.stopDate` -> `medications 3, stop date`. */
function describePath(path: string): string {
  return path
    .split('.')
    .filter((part) => part !== 'clinical' && part !== 'demographics')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part.replace(/([A-Z])/g, ' $1').toLowerCase()))
    .join(' ')
    .replace(/ (\d+)( |$)/g, ' $1,$2')
    .replace(/,$/, '');
}
