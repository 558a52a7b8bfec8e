import { Alert, Badge, Card, Group, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { Entry, Lot, Registration } from '../ledger.api.ts';
import { hashPrefix } from '../report-range.ts';
import { formatDelta } from '../stock-view-model.ts';
import { describeEntryKind } from '../transaction-kinds.ts';
import { useEntries, useStock } from '../use-ledger.ts';

const PAGE_SIZE = 50;

/** The chain, newest first, with each entry's lines and hash prefix; the head is what every report prints. */
export function EntriesList({ registration, range }: { registration: Registration; range: { from?: string; to?: string } }) {
  const [page, setPage] = useState(1);
  const entries = useEntries(registration.id, { ...range, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const stock = useStock(registration.id);
  const lots = new Map((stock.data?.lots ?? []).map((l) => [l.id, l]));
  const locations = new Map(registration.locations.map((l) => [l.id, l.name]));
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          Entries
        </Title>
        {entries.data?.head && (
          <Text size="sm" ff="monospace" data-testid="chain-head">
            Chain head: #{entries.data.head.seq} {hashPrefix(entries.data.head.hashHex)}
          </Text>
        )}
      </Group>
      {entries.isPending ? (
        <Loader size="sm" aria-label="Loading entries" />
      ) : entries.isError ? (
        <Alert color="red">{describeError(entries.error)}</Alert>
      ) : entries.data.items.length === 0 ? (
        <Text c="dimmed">No entries in these dates.</Text>
      ) : (
        <Stack>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Ledger entries" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>#</Table.Th>
                  <Table.Th>Entry</Table.Th>
                  <Table.Th>When and who</Table.Th>
                  <Table.Th>Lines</Table.Th>
                  <Table.Th>Hash</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.data.items.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} lots={lots} locations={locations} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {entries.data.total > PAGE_SIZE && (
            <Pagination total={Math.ceil(entries.data.total / PAGE_SIZE)} value={page} onChange={setPage} size="sm" />
          )}
        </Stack>
      )}
    </Card>
  );
}

function EntryRow({ entry, lots, locations }: { entry: Entry; lots: Map<string, Lot>; locations: Map<string, string> }) {
  return (
    <Table.Tr data-testid="ledger-entry">
      <Table.Td>{entry.seq}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {describeEntryKind(entry.kind)}
        </Text>
        {entry.patient && (
          <Text size="xs">
            {entry.patient.name} ({entry.patient.mrn})
          </Text>
        )}
        {entry.reversedByEntryId && (
          <Badge size="xs" color="gray">
            reversed
          </Badge>
        )}
        {entry.reversesEntryId && (
          <Badge size="xs" color="orange">
            correction
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs">{formatDateTime(entry.occurredAt)}</Text>
        <Text size="xs" c="dimmed">
          {entry.recordedBy.name}
          {describeSigners(entry.details)}
        </Text>
      </Table.Td>
      <Table.Td>
        {entry.lines.map((line) => {
          const lot = lots.get(line.lotId);
          return (
            <Text size="xs" key={line.lineNo}>
              {lot ? `${lot.lotNumber}` : 'lot'} · {locations.get(line.locationId) ?? 'location'}
              {line.containerId ? ' · opened' : ''}: {formatDelta(line.delta, lot?.form, Boolean(line.containerId))}
            </Text>
          );
        })}
      </Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace">
          {hashPrefix(entry.hashHex)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** `, witnessed by Pat Physician` from the details' witnesses, second signer or second counter. */
function describeSigners(details: Record<string, unknown>): string {
  const names: string[] = [];
  const witnesses = details.witnesses;
  if (Array.isArray(witnesses)) for (const w of witnesses) if (w && typeof w === 'object' && 'name' in w) names.push(String(w.name));
  for (const key of ['secondSigner', 'secondCounter']) {
    const signer = details[key];
    if (signer && typeof signer === 'object' && 'name' in signer) names.push(String(signer.name));
  }
  return names.length > 0 ? `, witnessed by ${names.join(' and ')}` : '';
}
