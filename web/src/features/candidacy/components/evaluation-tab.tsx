import { Alert, Loader, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import { todayIso } from '../../../lib/format.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import type { ChartTabProps } from '../../patients/chart-tabs.ts';
import { candidacyKeys, createEvaluation, type Evaluation, listEvaluations, taskKeys } from '../candidacy.api.ts';
import { type EvaluationDraft, emptyEvaluationDraft, toNewEvaluation, validateEvaluationDraft } from '../evaluation-draft.ts';
import { EvaluationFormFields } from './evaluation-form.tsx';
import { EvaluationHistory } from './evaluation-history.tsx';
import { SafetyTasks } from './safety-tasks.tsx';

/** The API reports findings at `findings.x`; the form holds them at `x`. */
const toDraftPath = (path: string) => path.replace(/^body\./, '').replace(/^findings\./, '');

/** Chart tab "Evaluation" (nurse, physician): the evaluation form, per-route verdicts, signing and history. */
export function EvaluationTab({ patient, me }: ChartTabProps) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Evaluation | null>(null);
  const evaluations = useQuery({ queryKey: candidacyKeys.evaluations(patient.id), queryFn: () => listEvaluations(patient.id) });
  const form = useForm<EvaluationDraft>({ initialValues: emptyEvaluationDraft(todayIso()), validate: validateEvaluationDraft });
  const create = useMutation({
    mutationFn: (draft: EvaluationDraft) => createEvaluation(patient.id, toNewEvaluation(draft)),
    onSuccess: async (evaluation) => {
      setCreated(evaluation);
      // The verdicts and any safety notice are at the top of the tab.
      window.scrollTo({ top: 0, behavior: 'smooth' });
      form.setValues(emptyEvaluationDraft(todayIso()));
      form.resetDirty();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: candidacyKeys.evaluations(patient.id) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
      ]);
    },
    onError: (error) => {
      if (isApiError(error, 400)) form.setErrors(toFormErrors(error.fieldIssues, toDraftPath));
    },
  });
  const submit = () => {
    setCreated(null);
    if (!form.validate().hasErrors) create.mutate(form.values);
  };

  return (
    <Stack>
      {created && (created.instruments.phq9?.item9 ?? 0) > 0 && (
        <Alert color="red" icon={<IconAlertTriangle />} role="alert" title="PHQ-9 item 9 above 0">
          A safety task was created for a clinician.
        </Alert>
      )}
      <SafetyTasks patientId={patient.id} />
      <Title order={2} size="h4">
        Evaluations
      </Title>
      {evaluations.isPending && <Loader aria-label="Loading evaluations" />}
      {evaluations.isError && (
        <Alert color="red" role="alert">
          {describeError(evaluations.error)}
        </Alert>
      )}
      {evaluations.data && (
        <EvaluationHistory
          patientId={patient.id}
          evaluations={evaluations.data}
          canSign={hasAnyRole(me, ['physician'])}
          openId={created?.id ?? null}
        />
      )}
      <Title order={2} size="h4">
        New evaluation
      </Title>
      <EvaluationFormFields form={form} submitting={create.isPending} onSubmit={submit} />
      {create.isError && <FormErrorAlert error={create.error} title="The evaluation was not saved" />}
    </Stack>
  );
}
