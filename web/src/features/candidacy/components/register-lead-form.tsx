import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import { DemographicsFields } from '../../patients/components/demographics-fields.tsx';
import {
  type DemographicsDraft,
  fromDemographicsDraft,
  toDemographicsDraft,
  validateDemographicsDraft,
} from '../../patients/demographics-draft.ts';
import { patientKeys } from '../../patients/patients.api.ts';
import { convertLead, type LeadSummary } from '../candidacy.api.ts';
import { splitName } from '../lead-labels.ts';

/** Registers the person behind a consultation request as a patient, prefilled from the request, then opens the chart. */
export function RegisterLeadForm({ lead, onCancel }: { lead: LeadSummary; onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<{ demographics: DemographicsDraft }>({
    initialValues: {
      demographics: {
        ...toDemographicsDraft(),
        ...splitName(lead.contact.name),
        phone: lead.contact.phone ?? '',
        email: lead.contact.email ?? '',
      },
    },
    validate: (values) => validateDemographicsDraft(values.demographics),
  });
  const convert = useMutation({
    mutationFn: (draft: DemographicsDraft) => convertLead(lead.id, fromDemographicsDraft(draft)),
    onSuccess: async ({ patientId }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['leads'] }),
        queryClient.invalidateQueries({ queryKey: patientKeys.all }),
      ]);
      navigate(`/patients/${patientId}`);
    },
    onError: (error) => {
      if (isApiError(error, 400)) form.setErrors(toFormErrors(error.fieldIssues));
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => convert.mutate(values.demographics))} noValidate>
      <Stack>
        <DemographicsFields form={form} />
        {convert.isError && <FormErrorAlert error={convert.error} title="The patient was not registered" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={convert.isPending}>
            Register patient
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
