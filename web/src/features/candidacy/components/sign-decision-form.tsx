import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { candidacyKeys, type Evaluation, type EvaluationOverride, signEvaluation } from '../candidacy.api.ts';
import { ROUTE_LABELS } from '../evaluation-labels.ts';

const keyOf = (route: string, rule: string) => `${route}:${rule}`;

/** Physician: sign the decision; a relative rule may be overridden with a written justification, an absolute one never. */
export function SignDecisionForm({ patientId, evaluation }: { patientId: string; evaluation: Evaluation }) {
  const queryClient = useQueryClient();
  const [justifications, setJustifications] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const sign = useMutation({
    mutationFn: (overrides: EvaluationOverride[]) =>
      signEvaluation(patientId, evaluation.id, { overrides, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: candidacyKeys.evaluations(patientId) }),
  });
  const stops = evaluation.results.flatMap((result) =>
    result.fired.filter((fired) => fired.severity !== 'caution').map((fired) => ({ route: result.route, fired })),
  );
  const submit = () => {
    const overrides = stops.flatMap(({ route, fired }) => {
      const justification = (justifications[keyOf(route, fired.rule)] ?? '').trim();
      return fired.severity === 'relative' && justification ? [{ route, rule: fired.rule, justification }] : [];
    });
    sign.mutate(overrides);
  };
  return (
    <Paper withBorder p="md" component="section" aria-label="Sign decision">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Sign decision
        </Title>
        {stops.length === 0 && <Text size="sm">No stopping rule fired; signing confirms the verdicts as shown.</Text>}
        {stops.map(({ route, fired }) =>
          fired.severity === 'absolute' ? (
            <Text key={keyOf(route, fired.rule)} size="sm">
              {ROUTE_LABELS[route]}: {fired.rule} is absolute and cannot be overridden.
            </Text>
          ) : (
            <Textarea
              key={keyOf(route, fired.rule)}
              label={`${ROUTE_LABELS[route]}: override ${fired.rule} (optional)`}
              description="Leave empty to keep the stop. A justification overrides this relative rule for this route."
              autosize
              minRows={2}
              maxLength={1000}
              value={justifications[keyOf(route, fired.rule)] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setJustifications((current) => ({ ...current, [keyOf(route, fired.rule)]: value }));
              }}
            />
          ),
        )}
        <Textarea label="Note (optional)" autosize maxLength={1000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {sign.isError && <FormErrorAlert error={sign.error} title="The decision was not signed" />}
        <Group justify="flex-end">
          <Button onClick={submit} loading={sign.isPending}>
            Sign decision
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
