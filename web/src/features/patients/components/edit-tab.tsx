import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import type { ChartTabProps } from '../chart-tabs.ts';
import { renameClinicalIssuePath } from '../clinical-draft.ts';
import { validateDemographicsDraft } from '../demographics-draft.ts';
import { type EditDraft, hasRecordChanges, toEditDraft, toPatientChanges } from '../patient-edit-form.ts';
import { getPatient, type PatientView, patientKeys, updatePatient } from '../patients.api.ts';
import { DemographicsFields } from './demographics-fields.tsx';
import { AllergiesEditor, ConditionsEditor } from './edit-allergies-conditions.tsx';
import { PainHistoryEditor, PsychiatricAndSubstanceEditor, RiskFactorsEditor } from './edit-history.tsx';
import { MeasurementsEditor } from './edit-measurements.tsx';
import { MedicationsEditor } from './edit-medications.tsx';
import { UnsavedChangesGuard } from './unsaved-changes-guard.tsx';

/**
 * Edits the record as a new version. The PATCH carries the version the user started from, so a change made
 * meanwhile by someone else answers 409 instead of being overwritten; the user's typing stays in the form.
 */
export function EditTab({ patient }: ChartTabProps) {
  const queryClient = useQueryClient();
  const [baseVersion, setBaseVersion] = useState(patient.version);
  const form = useForm<EditDraft>({
    initialValues: toEditDraft(patient),
    validate: (values) => validateDemographicsDraft(values.demographics),
  });

  const restartFrom = (fresh: PatientView) => {
    form.setInitialValues(toEditDraft(fresh));
    form.reset();
    setBaseVersion(fresh.version);
  };

  // A newer version arrived (a refetch) while nothing was typed: edit from it, so saving cannot conflict needlessly.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version should restart the form.
  useEffect(() => {
    if (patient.version !== baseVersion && !form.isDirty()) restartFrom(patient);
  }, [patient.version]);

  const save = useMutation({
    mutationFn: (draftPatient: PatientView) => updatePatient(draftPatient.id, toPatientChanges(form, draftPatient, baseVersion)),
    onSuccess: async (updated) => {
      queryClient.setQueryData(patientKeys.detail(updated.id), updated);
      restartFrom(updated);
      notifications.show({ color: 'teal', message: `Saved as version ${updated.version}.` });
      await queryClient.invalidateQueries({ queryKey: patientKeys.versions(updated.id) });
      await queryClient.invalidateQueries({ queryKey: ['patients', 'list'] });
    },
    onError: (error) => {
      if (isApiError(error, 400)) form.setErrors(toFormErrors(error.fieldIssues, renameClinicalIssuePath));
    },
  });

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: patientKeys.detail(patient.id),
      queryFn: () => getPatient(patient.id),
      staleTime: 0,
    });
    restartFrom(fresh);
    save.reset();
  };

  const onSubmit = form.onSubmit(() => {
    if (!hasRecordChanges(toPatientChanges(form, patient, baseVersion))) {
      notifications.show({ color: 'gray', message: 'Nothing has changed yet.' });
      return;
    }
    save.mutate(patient);
  });

  const full = patient.access === 'full';
  return (
    <form onSubmit={onSubmit} noValidate>
      <UnsavedChangesGuard dirty={form.isDirty()} />
      <Stack maw={960}>
        <Text size="sm" c="dimmed">
          Editing version {baseVersion}. Saving stores a new version; earlier versions stay in History.
        </Text>
        <DemographicsFields form={form} />
        {full && (
          <>
            <MeasurementsEditor form={form} />
            <AllergiesEditor form={form} />
            <ConditionsEditor form={form} />
            <MedicationsEditor form={form} />
            <RiskFactorsEditor form={form} />
            <PainHistoryEditor form={form} />
            <PsychiatricAndSubstanceEditor form={form} />
          </>
        )}
        <Paper withBorder p="sm" radius="md" pos="sticky" bottom={8} style={{ zIndex: 2 }} shadow="sm">
          <Stack gap="xs">
            {isApiError(save.error, 409) ? (
              <Alert color="orange" role="alert" title="Someone else changed this record; reload to see their version">
                Your changes are still in the form. Copy what you need, then reload; reloading replaces the form with their version.
                <Group mt="xs">
                  <Button size="xs" color="orange" variant="light" onClick={reload}>
                    Reload their version
                  </Button>
                </Group>
              </Alert>
            ) : (
              save.isError && <FormErrorAlert error={save.error} title="Not saved" />
            )}
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <TextInput label="Reason for the change (optional)" flex={1} miw={220} {...form.getInputProps('reason')} />
              <Group gap="xs">
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
                  Discard changes
                </Button>
                <Button type="submit" loading={save.isPending}>
                  Save changes
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
