import { Badge, Stack, Table, Text, Title } from '@mantine/core';

import type { Reconciliation } from '../ledger.api.ts';
import { labelFor, splitReconciliation } from '../reconciliation-rows.ts';

/** Every difference the server lists, one table per section (charted vs ledger, counts vs book). */
export function ReconciliationView({ data }: { data: Reconciliation }) {
  const { facts, sections } = splitReconciliation(data);
  const differences = sections.reduce((sum, s) => sum + s.rows.length, 0);
  return (
    <Stack data-testid="reconciliation">
      <Badge color={differences === 0 ? 'teal' : 'red'} variant="light" tt="none" w="fit-content">
        {differences === 0 ? 'No differences' : `${differences} difference${differences === 1 ? '' : 's'}`}
      </Badge>
      {facts.map(([key, value]) => (
        <Text size="sm" key={key}>
          {labelFor(key)}: {value}
        </Text>
      ))}
      {sections.map((section) => (
        <Stack gap={4} key={section.name}>
          <Title order={3} size="h6">
            {labelFor(section.name)}
          </Title>
          {section.rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              None.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped aria-label={labelFor(section.name)}>
                <Table.Thead>
                  <Table.Tr>
                    {section.columns.map((column) => (
                      <Table.Th key={column}>{labelFor(column)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {section.rows.map((row, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own
                    <Table.Tr key={i}>
                      {section.columns.map((column) => (
                        <Table.Td key={column}>{row[column] ?? ''}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
