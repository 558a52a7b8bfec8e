import { Badge, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { EvaluationRouteResult } from '../candidacy.api.ts';
import { ROUTE_LABELS, VERDICT_LABELS } from '../evaluation-labels.ts';
import { SEVERITY_COLORS } from '../lead-labels.ts';

/** One card per route: the verdict and every rule that fired, with severity, plain reason and source. */
export function VerdictCards({ results }: { results: readonly EvaluationRouteResult[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {results.map((result) => {
        const verdict = VERDICT_LABELS[result.verdict];
        return (
          <Card key={result.route} withBorder padding="sm" component="section" aria-label={`Route ${ROUTE_LABELS[result.route]}`}>
            <Group justify="space-between" wrap="nowrap" mb="xs">
              <Text fw={600}>{ROUTE_LABELS[result.route]}</Text>
              <Badge color={verdict.color} tt="none" style={{ flexShrink: 0 }}>
                {verdict.label}
              </Badge>
            </Group>
            {result.fired.length === 0 ? (
              <Text size="sm" c="dimmed">
                No rule fired.
              </Text>
            ) : (
              <List size="sm" spacing="xs" listStyleType="none">
                {result.fired.map((fired) => (
                  <List.Item key={fired.rule}>
                    <Stack gap={2}>
                      <Group gap={6}>
                        <Badge size="sm" variant="light" color={SEVERITY_COLORS[fired.severity] ?? 'gray'}>
                          {fired.severity}
                        </Badge>
                        {fired.overridden && (
                          <Badge size="sm" variant="outline" color="grape">
                            overridden
                          </Badge>
                        )}
                        <Text size="xs" ff="monospace">
                          {fired.rule}
                        </Text>
                      </Group>
                      <Text size="sm">{fired.reason}</Text>
                      <Text size="xs" c="dimmed">
                        Source: {fired.source}
                      </Text>
                    </Stack>
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
