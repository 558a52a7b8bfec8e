import { Alert, Center, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { ChartTabProps } from '../chart-tabs.ts';
import { listPatientVersions, patientKeys } from '../patients.api.ts';

/** Every saved version of the record: nothing is edited in place, each change is a new version. */
export function HistoryTab({ patient }: ChartTabProps) {
  const versions = useQuery({ queryKey: patientKeys.versions(patient.id), queryFn: () => listPatientVersions(patient.id) });
  if (versions.isPending)
    return (
      <Center py="lg">
        <Loader aria-label="Loading versions" />
      </Center>
    );
  if (versions.isError) return <Alert color="red">{describeError(versions.error)}</Alert>;
  const items = [...versions.data.items].sort((a, b) => b.version - a.version);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Saved</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.version}>
              <Table.Td>
                {item.version}
                {item.version === patient.version && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (shown)
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
              <Table.Td>{item.createdBy.name}</Table.Td>
              <Table.Td>{item.reason || (item.version === 1 ? 'Registered' : '—')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
