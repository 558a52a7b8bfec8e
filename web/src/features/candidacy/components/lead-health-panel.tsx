import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { humanize } from '../../../lib/format.ts';
import type { LeadDetail } from '../candidacy.api.ts';
import { SEVERITY_COLORS } from '../lead-labels.ts';

/** Front desk: why the health answers are not here. */
export function HealthAnswersHidden() {
  return (
    <Alert color="gray" icon={<IconLock />} title="Health answers">
      Health answers are visible to clinicians only (nurses and physicians). Route this request to a clinician if it needs a clinical look.
    </Alert>
  );
}

/** Nurse and physician: what the person answered and which rules fired. */
export function HealthAnswersPanel({ health }: { health: NonNullable<LeadDetail['health']> }) {
  const { answers, assessment } = health;
  const fired = assessment.fired ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-label="Health answers">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Health answers
        </Title>
        {fired.length === 0 ? (
          <Text size="sm">No candidacy rule fired on these answers.</Text>
        ) : (
          <List size="sm" spacing={6}>
            {fired.map((rule) => (
              <List.Item key={rule.rule}>
                <Group gap="xs" wrap="wrap">
                  <Badge color={SEVERITY_COLORS[rule.severity] ?? 'gray'} variant="light">
                    {rule.severity}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {rule.rule}
                  </Text>
                </Group>
                <Text size="sm">{rule.reason}</Text>
              </List.Item>
            ))}
          </List>
        )}
        {assessment.reasons.length > 0 && (
          <List size="sm" c="dimmed">
            {assessment.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        )}
        <Table fz="sm" withRowBorders={false} layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="45%">Pain duration</Table.Th>
              <Table.Td>{answers.painDurationMonths} months</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Interference (activity / sleep)</Table.Th>
              <Table.Td>
                {answers.interference.dailyActivity0to10} / {answers.interference.sleep0to10} of 10
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Spreading or out of proportion</Table.Th>
              <Table.Td>{humanize(answers.painSpreadingOrOutOfProportion)}</Table.Td>
            </Table.Tr>
            {Object.entries(answers.exclusions).map(([question, value]) => (
              <Table.Tr key={question}>
                <Table.Th>{humanize(question.replace(/([A-Z])/g, '_$1').toLowerCase())}</Table.Th>
                <Table.Td>{humanize(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
