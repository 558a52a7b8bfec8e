import { Alert, Badge, Button, Grid, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { candidacyKeys, type LeadStatus, listLeads } from '../candidacy.api.ts';
import { LEAD_STATUS_LABELS, OUTCOME_LABELS } from '../lead-labels.ts';
import { LeadDetailPanel } from './lead-detail.tsx';

const FILTERS: { value: LeadStatus | 'all'; label: string }[] = [
  { value: 'new', label: 'New' },
  { value: 'contacted', label: 'Contacted' },
  { value: 'closed', label: 'Closed' },
  { value: 'converted', label: 'Registered' },
  { value: 'all', label: 'All' },
];

/** /leads: consultation requests from the public self-check, newest first. */
export function LeadsPage() {
  const [status, setStatus] = useState<LeadStatus | 'all'>('new');
  const [selected, setSelected] = useState<string | null>(null);
  const leads = useQuery({ queryKey: candidacyKeys.leads(status), queryFn: () => listLeads(status) });
  return (
    <Stack>
      <Title order={1} size="h2">
        Consultation requests
      </Title>
      <SegmentedControl
        aria-label="Status"
        data={FILTERS}
        value={status}
        onChange={(value) => setStatus(value as LeadStatus | 'all')}
        style={{ alignSelf: 'flex-start' }}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {leads.isPending && <Loader aria-label="Loading requests" />}
          {leads.isError && (
            <Alert color="red" role="alert">
              {describeError(leads.error)}
            </Alert>
          )}
          {leads.data?.length === 0 && <Text c="dimmed">No requests with this status.</Text>}
          {leads.data && leads.data.length > 0 && (
            <Table.ScrollContainer minWidth={520}>
              <Table highlightOnHover aria-label="Consultation requests">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Received</Table.Th>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Contact</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Self-check</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {leads.data.map((lead) => {
                    const outcome = OUTCOME_LABELS[lead.outcome];
                    return (
                      <Table.Tr key={lead.id} bg={lead.id === selected ? 'blue.0' : undefined}>
                        <Table.Td>{formatDateTime(lead.createdAt)}</Table.Td>
                        <Table.Td>
                          <Button variant="subtle" size="compact-sm" onClick={() => setSelected(lead.id)}>
                            {lead.contact.name}
                          </Button>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{[lead.contact.phone, lead.contact.email].filter(Boolean).join(' · ')}</Text>
                        </Table.Td>
                        <Table.Td>{LEAD_STATUS_LABELS[lead.status]}</Table.Td>
                        <Table.Td>
                          <Badge color={outcome.color} variant="light" tt="none">
                            {outcome.label}
                          </Badge>
                          {lead.outcome === 'likely_not_suitable' && (
                            <Text size="xs" c="dimmed">
                              Route to a clinician
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {selected ? <LeadDetailPanel key={selected} leadId={selected} /> : <Text c="dimmed">Choose a request to see it.</Text>}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
