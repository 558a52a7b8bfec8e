import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../../lib/format.ts';
import type { Reconciliation, Registration } from '../ledger.api.ts';
import { listCountDifferences, toContainerRows } from '../reconciliation-rows.ts';
import { hashPrefix } from '../report-range.ts';
import { formatDecimal } from '../stock-view-model.ts';

const SEVERITY_COLOR = { info: 'blue', warning: 'orange', error: 'red' } as const;

/** Every difference the server finds: opened containers against their draws and waste, counts against the book. */
export function ReconciliationView({ data, registration }: { data: Reconciliation; registration: Registration }) {
  const locations = new Map(registration.locations.map((l) => [l.id, l.name]));
  const containers = toContainerRows(data);
  const countDifferences = listCountDifferences(data);
  return (
    <Stack data-testid="reconciliation">
      <Group gap="xs">
        <Badge color={data.differences.length === 0 ? 'teal' : 'red'} variant="light" tt="none">
          {data.differences.length === 0
            ? 'No differences'
            : `${data.differences.length} difference${data.differences.length === 1 ? '' : 's'}`}
        </Badge>
        <Text size="xs" c="dimmed">
          {data.administrations.length} administration{data.administrations.length === 1 ? '' : 's'}, {data.counts.length} count
          {data.counts.length === 1 ? '' : 's'}
          {data.head ? ` · chain head #${data.head.seq} ${hashPrefix(data.head.hashHex)}` : ''}
        </Text>
      </Group>
      {data.differences.length > 0 && (
        <List spacing={4} size="sm">
          {data.differences.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: differences have no id of their own
            <List.Item key={i}>
              <Badge size="xs" color={SEVERITY_COLOR[d.severity]} mr={6}>
                {d.severity}
              </Badge>
              {d.message}
            </List.Item>
          ))}
        </List>
      )}
      {containers.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h6">
            Opened containers
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Opened containers reconciled">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Opened</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>mL opened</Table.Th>
                  <Table.Th>Given</Table.Th>
                  <Table.Th>Wasted</Table.Th>
                  <Table.Th>Other</Table.Th>
                  <Table.Th>Expected left</Table.Th>
                  <Table.Th>Ledger left</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {containers.map((row) => (
                  <Table.Tr key={row.containerId} c={row.differs ? 'red' : undefined}>
                    <Table.Td>{formatDateTime(row.openedAt)}</Table.Td>
                    <Table.Td>{locations.get(row.locationId) ?? ''}</Table.Td>
                    <Table.Td>{formatDecimal(row.openedMl)}</Table.Td>
                    <Table.Td>{formatDecimal(row.administeredMl)}</Table.Td>
                    <Table.Td>{formatDecimal(row.wastedMl)}</Table.Td>
                    <Table.Td>{formatDecimal(row.otherOutMl)}</Table.Td>
                    <Table.Td>{formatDecimal(row.expectedRemainingMl)}</Table.Td>
                    <Table.Td>{formatDecimal(row.remainingMl)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      <Stack gap={4}>
        <Title order={3} size="h6">
          Counts against the book
        </Title>
        {countDifferences.length === 0 ? (
          <Text size="sm" c="dimmed">
            Every count in these dates matched the book.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped aria-label="Count differences reconciled">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Counted</Table.Th>
                  <Table.Th>Location</Table.Th>
                  <Table.Th>Book mL</Table.Th>
                  <Table.Th>Counted mL</Table.Th>
                  <Table.Th>Difference</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {countDifferences.map((line) => (
                  <Table.Tr key={`${line.countEntryId}:${line.lineNo}`}>
                    <Table.Td>{formatDateTime(line.countedAt)}</Table.Td>
                    <Table.Td>
                      {locations.get(line.locationId) ?? ''}
                      {line.containerId ? ' · opened' : ''}
                    </Table.Td>
                    <Table.Td>{formatDecimal(line.bookMl)}</Table.Td>
                    <Table.Td>{formatDecimal(line.countedMl)}</Table.Td>
                    <Table.Td c="red">{formatDecimal(line.differenceMl)} mL</Table.Td>
                    <Table.Td>{line.status}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
