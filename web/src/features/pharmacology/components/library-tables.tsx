import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { DrugLibrary } from '../pharmacology.api.ts';

type Entry = DrugLibrary['profiles'][number]['entries'][number];

const KIND_LABELS: Record<string, string> = {
  bolus: 'Bolus dose',
  rate: 'Rate',
  duration: 'Duration',
  cumulativeSession: 'Session total',
  cumulative24h: '24 h total',
  concentration: 'Concentration',
};

const cell = (value: number | undefined) => (value === undefined ? '' : String(value));

/** The library as readable tables: products, then each profile's entries with their soft and hard limits. */
export function LibraryTables({ library }: { library: DrugLibrary }) {
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {library.disclaimer}
      </Text>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Products
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Product</Table.Th>
                <Table.Th>Drug / form</Table.Th>
                <Table.Th>Strength</Table.Th>
                <Table.Th>NDC</Table.Th>
                <Table.Th>Source</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {library.products.map((product) => (
                <Table.Tr key={product.id}>
                  <Table.Td>
                    {product.name}
                    <Text size="xs" c="dimmed">
                      {product.id}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {product.drug}, {product.form}
                  </Table.Td>
                  <Table.Td>
                    {[
                      product.concentrationMgPerMl !== undefined ? `${product.concentrationMgPerMl} mg/mL` : '',
                      product.strengthMg !== undefined ? `${product.strengthMg} mg per device` : '',
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </Table.Td>
                  <Table.Td>{product.ndc ?? ''}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{product.source}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {library.profiles.map((profile) => (
        <Stack key={profile.id} gap="xs">
          <Title order={2} size="h4">
            {profile.name}{' '}
            <Text span size="sm" c="dimmed">
              ({profile.careArea}, {profile.id})
            </Text>
          </Title>
          {profile.entries.map((entry) => (
            <EntryTable key={entry.id} entry={entry} library={library} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function EntryTable({ entry, library }: { entry: Entry; library: DrugLibrary }) {
  const productNames = entry.productIds.map((id) => library.products.find((product) => product.id === id)?.name ?? id);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text fw={600} size="sm">
          {entry.id}
        </Text>
        <Badge variant="light" tt="none">
          {entry.route.toUpperCase()}
        </Badge>
        {entry.modes.map((mode) => (
          <Badge key={mode} variant="outline" tt="none">
            {mode}
          </Badge>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        Products: {productNames.join(', ')}. Syringe step {entry.volumeStepMl} mL, pump step {entry.pumpRateStepMlPerH} mL/h
        {entry.standardConcentrationMgPerMl !== undefined && `, standard infusion ${entry.standardConcentrationMgPerMl} mg/mL`}
        {entry.doseStepMg !== undefined && `, whole devices of ${entry.doseStepMg} mg`}.
      </Text>
      <Table.ScrollContainer minWidth={820}>
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Limit</Table.Th>
              <Table.Th>Unit</Table.Th>
              <Table.Th c="red.8">Hard min</Table.Th>
              <Table.Th c="yellow.9">Soft min</Table.Th>
              <Table.Th c="yellow.9">Soft max</Table.Th>
              <Table.Th c="red.8">Hard max</Table.Th>
              <Table.Th>Verified</Table.Th>
              <Table.Th>Source</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.limits.map((limit) => (
              <Table.Tr key={`${limit.kind}-${limit.unit}-${limit.hardMin}-${limit.softMin}-${limit.softMax}-${limit.hardMax}`}>
                <Table.Td>{KIND_LABELS[limit.kind] ?? limit.kind}</Table.Td>
                <Table.Td>{limit.unit}</Table.Td>
                <Table.Td>{cell(limit.hardMin)}</Table.Td>
                <Table.Td>{cell(limit.softMin)}</Table.Td>
                <Table.Td>{cell(limit.softMax)}</Table.Td>
                <Table.Td>{cell(limit.hardMax)}</Table.Td>
                <Table.Td>
                  <Badge color={limit.verified ? 'green' : 'orange'} variant="light" tt="none">
                    {limit.verified ? 'verified' : 'unverified'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{limit.source}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {entry.notes.map((note) => (
        <Text key={note} size="xs" c="dimmed">
          {note}
        </Text>
      ))}
    </Stack>
  );
}
