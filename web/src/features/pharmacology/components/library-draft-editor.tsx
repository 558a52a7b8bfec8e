import { Alert, Button, Group, JsonInput, List, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { createDrugLibraryDraft, type DrugLibrary, pharmacologyKeys } from '../pharmacology.api.ts';

/** Admin: the current library as formatted JSON to edit, saved as a draft for a physician to approve. Server
 *  validation errors are listed by path (`profiles.0.entries.0.limits.2.softMax`). */
export function LibraryDraftEditor({ library, onDone }: { library: DrugLibrary; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(() => JSON.stringify(library, null, 2));
  const [note, setNote] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (parsed: unknown) => createDrugLibraryDraft({ library: parsed, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pharmacologyKeys.library });
      onDone();
    },
  });
  const submit = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setParseError(error instanceof Error ? error.message : 'not valid JSON');
      return;
    }
    setParseError(null);
    save.mutate(parsed);
  };
  const issues = isApiError(save.error, 400) ? save.error.fieldIssues : [];
  return (
    <Stack gap="sm">
      <Text size="sm">
        Edit the library below (the rules are in the pharmacology README: ids, ordered bounds, a source for every limit, verified false for
        clinic policy). Saving creates a draft; it applies to dose checks only after a physician approves it.
      </Text>
      <JsonInput
        label="Library (JSON)"
        value={text}
        onChange={setText}
        autosize
        minRows={16}
        maxRows={32}
        formatOnBlur
        validationError="Not valid JSON"
        error={parseError ?? undefined}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
      />
      <Textarea
        label="Note for the approving physician"
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      {save.isError && (
        <Alert color="red" title="The draft was not saved" role="alert">
          {issues.length === 0 ? (
            describeError(save.error)
          ) : (
            <List size="sm">
              {issues.map((issue) => (
                <List.Item key={`${issue.path}:${issue.message}`}>
                  <Text span ff="monospace" size="sm">
                    {issue.path || '(library)'}
                  </Text>
                  : {issue.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          Save draft
        </Button>
      </Group>
    </Stack>
  );
}
