import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { candidacyKeys, getLead, updateLeadStatus } from '../candidacy.api.ts';
import { LEAD_CONVERT_ROLES, LEAD_HEALTH_ROLES, LEAD_STATUS_LABELS, OUTCOME_LABELS } from '../lead-labels.ts';
import { HealthAnswersHidden, HealthAnswersPanel } from './lead-health-panel.tsx';
import { RegisterLeadForm } from './register-lead-form.tsx';

/** One consultation request: contact details, status actions, registration and (for clinicians) the health answers. */
export function LeadDetailPanel({ leadId }: { leadId: string }) {
  const me = useSession();
  const queryClient = useQueryClient();
  const [registering, setRegistering] = useState(false);
  const lead = useQuery({ queryKey: candidacyKeys.lead(leadId), queryFn: () => getLead(leadId) });
  const setStatus = useMutation({
    mutationFn: (status: 'contacted' | 'closed') => updateLeadStatus(leadId, status),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'leads' || query.queryKey[0] === 'lead' }),
  });

  if (lead.isPending) return <Loader aria-label="Loading the request" />;
  if (lead.isError)
    return (
      <Alert color="red" role="alert">
        {describeError(lead.error)}
      </Alert>
    );
  const data = lead.data;
  const outcome = OUTCOME_LABELS[data.outcome];
  const clinician = hasAnyRole(me, LEAD_HEALTH_ROLES);
  // Admins read the list; status changes and registration are for the desk and clinicians (docs/api.md).
  const canUpdate = hasAnyRole(me, LEAD_CONVERT_ROLES);
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-label="Consultation request">
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {data.contact.name}
            </Title>
            <Group gap="xs">
              <Badge color={outcome.color} tt="none">
                {outcome.label}
              </Badge>
              <Badge variant="outline">{LEAD_STATUS_LABELS[data.status]}</Badge>
            </Group>
          </Group>
          <Text size="sm">Received {formatDateTime(data.createdAt)}</Text>
          {data.contact.phone && <Text size="sm">Phone: {data.contact.phone}</Text>}
          {data.contact.email && <Text size="sm">Email: {data.contact.email}</Text>}
          {data.contact.preferredTimes && <Text size="sm">Best times: {data.contact.preferredTimes}</Text>}
          {data.outcome === 'likely_not_suitable' && (
            <Alert color="orange" p="xs">
              Route to a clinician before booking: the self-check found a likely reason ketamine is not suitable.
            </Alert>
          )}
          {setStatus.isError && (
            <Alert color="red" role="alert">
              {describeError(setStatus.error)}
            </Alert>
          )}
          <Group gap="xs" mt="xs">
            {canUpdate && data.status === 'new' && (
              <Button size="xs" variant="default" loading={setStatus.isPending} onClick={() => setStatus.mutate('contacted')}>
                Mark contacted
              </Button>
            )}
            {canUpdate && (data.status === 'new' || data.status === 'contacted') && (
              <Button size="xs" variant="default" loading={setStatus.isPending} onClick={() => setStatus.mutate('closed')}>
                Close
              </Button>
            )}
            {canUpdate && data.patientId === null && data.status !== 'closed' && (
              <Button size="xs" onClick={() => setRegistering(true)}>
                Register as patient
              </Button>
            )}
            {data.patientId && (
              <Button size="xs" variant="light" component={Link} to={`/patients/${data.patientId}`}>
                Open chart
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      {clinician && data.health ? <HealthAnswersPanel health={data.health} /> : <HealthAnswersHidden />}
      <Modal opened={registering} onClose={() => setRegistering(false)} title="Register as patient" size="lg">
        <RegisterLeadForm lead={data} onCancel={() => setRegistering(false)} />
      </Modal>
    </Stack>
  );
}
