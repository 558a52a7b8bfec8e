import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '../../../lib/format.ts';
import type { Evaluation } from '../candidacy.api.ts';
import { ROUTE_LABELS } from '../evaluation-labels.ts';
import { SignDecisionForm } from './sign-decision-form.tsx';
import { VerdictCards } from './verdict-cards.tsx';

/** Every evaluation, newest first, with its signature, staleness and (for a physician) the signing form. */
export function EvaluationHistory({
  patientId,
  evaluations,
  canSign,
  openId,
}: {
  patientId: string;
  evaluations: readonly Evaluation[];
  canSign: boolean;
  openId: string | null;
}) {
  if (evaluations.length === 0) return <Text c="dimmed">No evaluation yet.</Text>;
  return (
    <Accordion variant="separated" defaultValue={openId ?? evaluations[0]?.id ?? null} key={openId ?? 'history'}>
      {evaluations.map((evaluation) => (
        <Accordion.Item key={evaluation.id} value={evaluation.id}>
          <Accordion.Control>
            <Group gap="xs" wrap="wrap">
              <Text fw={500}>{formatDateTime(evaluation.createdAt)}</Text>
              <Text size="sm" c="dimmed">
                by {evaluation.createdBy.name}
              </Text>
              {evaluation.signature ? <Badge color="teal">Signed</Badge> : <Badge color="gray">Awaiting signature</Badge>}
              {evaluation.stale && <Badge color="orange">Stale</Badge>}
              {evaluation.signature?.reevaluationDue && (
                <Badge variant="outline" color={evaluation.stale ? 'orange' : 'gray'}>
                  Re-evaluation due {evaluation.signature.reevaluationDue}
                </Badge>
              )}
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack>
              {evaluation.staleReasons.length > 0 && (
                <Stack gap={2}>
                  {evaluation.staleReasons.map((reason) => (
                    <Text key={reason} size="sm" c="orange.8">
                      {reason}
                    </Text>
                  ))}
                </Stack>
              )}
              <InstrumentSummary evaluation={evaluation} />
              <VerdictCards results={evaluation.signature?.results ?? evaluation.results} />
              {evaluation.signature && (
                <Text size="sm">
                  Signed by {evaluation.signature.signedBy.name} on {formatDateTime(evaluation.signature.signedAt)}
                  {evaluation.signature.note ? `: ${evaluation.signature.note}` : ''}
                </Text>
              )}
              {evaluation.signature?.overrides.map((override) => (
                <Text key={`${override.route}:${override.rule}`} size="sm">
                  Override, {ROUTE_LABELS[override.route]}, {override.rule}: {override.justification}
                </Text>
              ))}
              {!evaluation.signature && canSign && <SignDecisionForm patientId={patientId} evaluation={evaluation} />}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function InstrumentSummary({ evaluation }: { evaluation: Evaluation }) {
  const { phq9, dn4 } = evaluation.instruments;
  if (!phq9 && !dn4) return null;
  return (
    <Group gap="md">
      {phq9 && (
        <Text size="sm">
          PHQ-9 {phq9.total}/27{phq9.band ? ` (${phq9.band.replaceAll('_', ' ')})` : ''}
          {phq9.item9 > 0 ? `, item 9 = ${phq9.item9}` : ''}
        </Text>
      )}
      {dn4 && (
        <Text size="sm">
          DN4 {dn4.total}/10 ({dn4.positive ? 'suggests neuropathic pain' : 'below the cut-off'})
        </Text>
      )}
    </Group>
  );
}
