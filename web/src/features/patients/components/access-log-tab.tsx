import { Alert, Center, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime, humanize } from '../../../lib/format.ts';
import type { ChartTabProps } from '../chart-tabs.ts';
import { listPatientAccessLog, patientKeys } from '../patients.api.ts';

/** Who opened this record: for admins and for the patient themself. */
export function AccessLogTab({ patient }: ChartTabProps) {
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: patientKeys.accessLog(patient.id, page),
    queryFn: () => listPatientAccessLog(patient.id, page),
    placeholderData: keepPreviousData,
  });
  if (log.isPending)
    return (
      <Center py="lg">
        <Loader aria-label="Loading the access log" />
      </Center>
    );
  if (log.isError) return <Alert color="red">{describeError(log.error)}</Alert>;
  const totalPages = Math.max(1, Math.ceil(log.data.total / Math.max(1, log.data.pageSize)));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Every time someone opened or changed this record.
      </Text>
      <Table.ScrollContainer minWidth={520}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>What</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.items.map((entry, index) => (
              // Entries have no id and two can share a timestamp; the page is read-only, so position is a stable key.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <Table.Tr key={`${entry.at}-${index}`}>
                <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td>{entry.actorName}</Table.Td>
                <Table.Td>{humanize(entry.role)}</Table.Td>
                <Table.Td>{describeAccess(entry.action, entry.resource)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {totalPages > 1 && (
        <Group justify="flex-end">
          <Pagination total={totalPages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}

/** Plain words for the audit actions; the resource path names this chart's patient, so only its version is shown. */
function describeAccess(action: string, resource: string): string {
  const version = /\/v(\d+)$/.exec(resource)?.[1];
  if (action === 'read' && version) return `Opened the record (version ${version})`;
  if (action === 'update' && version) return `Changed the record (saved version ${version})`;
  if (resource.startsWith('consent-withdrawal/')) return 'Recorded a consent withdrawal';
  if (resource.endsWith('/attestation')) return 'Attested a consent discussion';
  if (resource.startsWith('consent/')) return action === 'create' ? 'Signed a consent' : 'Opened a signed consent';
  if (resource.endsWith('/consents')) return 'Looked at the consents';
  if (action === 'create') return 'Registered the patient';
  if (action === 'read_versions') return 'Looked at the version history';
  if (action === 'read_access_log') return 'Looked at this access log';
  return `${humanize(action)} ${resource}`;
}
