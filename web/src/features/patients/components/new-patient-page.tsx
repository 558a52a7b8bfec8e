import { Button, Fieldset, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import { todayIso } from '../../../lib/format.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { type DemographicsDraft, fromDemographicsDraft, toDemographicsDraft, validateDemographicsDraft } from '../demographics-draft.ts';
import { CLINICAL_ROLES } from '../patient-roles.ts';
import { createPatient, type NewPatientInput, patientKeys } from '../patients.api.ts';
import { DemographicsFields } from './demographics-fields.tsx';

const CM_PER_IN = 2.54;

interface NewPatientDraft {
  demographics: DemographicsDraft;
  weight: { value: number | string; unit: 'kg' | 'lb' };
  height: { value: number | string; unit: 'cm' | 'in' };
}

function toNewPatientInput(draft: NewPatientDraft): NewPatientInput {
  const measuredOn = todayIso();
  const weights = typeof draft.weight.value === 'number' ? [{ measuredOn, value: draft.weight.value, unit: draft.weight.unit }] : [];
  const heightCm =
    typeof draft.height.value === 'number' ? (draft.height.unit === 'cm' ? draft.height.value : draft.height.value * CM_PER_IN) : null;
  const heights = heightCm === null ? [] : [{ measuredOn, heightCm: Math.round(heightCm * 10) / 10 }];
  return {
    demographics: fromDemographicsDraft(draft.demographics),
    ...(weights.length > 0 || heights.length > 0 ? { clinical: { weights, heights } } : {}),
  };
}

/** The server reports a weight or height problem on the list entry; show it on the value field. */
const renameIssuePath = (path: string) =>
  path.replace(/^clinical\.weights\.0(\..*)?$/, 'weight.value').replace(/^clinical\.heights\.0(\..*)?$/, 'height.value');

export function NewPatientPage() {
  // Weight and height are clinical data: the server accepts them from nurses and physicians only.
  const canEnterMeasurements = hasAnyRole(useSession(), CLINICAL_ROLES);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<NewPatientDraft>({
    initialValues: { demographics: toDemographicsDraft(), weight: { value: '', unit: 'kg' }, height: { value: '', unit: 'cm' } },
    validate: (values) => validateDemographicsDraft(values.demographics),
  });

  const create = useMutation({
    mutationFn: createPatient,
    onSuccess: async (patient) => {
      await queryClient.invalidateQueries({ queryKey: patientKeys.all });
      queryClient.setQueryData(patientKeys.detail(patient.id), patient);
      navigate(`/patients/${patient.id}`);
    },
    onError: (error) => {
      if (isApiError(error, 400)) form.setErrors(toFormErrors(error.fieldIssues, renameIssuePath));
    },
  });

  return (
    <Stack maw={820}>
      <Title order={1} size="h2">
        New patient
      </Title>
      <form onSubmit={form.onSubmit((values) => create.mutate(toNewPatientInput(values)))} noValidate>
        <Stack>
          <DemographicsFields form={form} />
          {canEnterMeasurements && (
            <Fieldset legend="Measurements (today)">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <NumberInput label="Weight" min={0} decimalScale={1} flex={1} {...form.getInputProps('weight.value')} />
                  <SegmentedControl
                    aria-label="Weight unit"
                    data={['kg', 'lb']}
                    value={form.values.weight.unit}
                    onChange={(unit) => form.setFieldValue('weight.unit', unit as 'kg' | 'lb')}
                  />
                </Group>
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <NumberInput label="Height" min={0} decimalScale={1} flex={1} {...form.getInputProps('height.value')} />
                  <SegmentedControl
                    aria-label="Height unit"
                    data={['cm', 'in']}
                    value={form.values.height.unit}
                    onChange={(unit) => form.setFieldValue('height.unit', unit as 'cm' | 'in')}
                  />
                </Group>
              </SimpleGrid>
            </Fieldset>
          )}
          {create.isError && <FormErrorAlert error={create.error} title="The patient was not registered" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/patients')}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Register patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
