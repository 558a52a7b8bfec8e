import { Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { humanize } from '../../../lib/format.ts';
import type { Clinical } from '../patients.api.ts';
import { ChartSection, Field, NoneRecorded } from './chart-section.tsx';

const RESULT_COLOR = { helped: 'green', partial: 'yellow', no_effect: 'gray', not_tolerated: 'red', unknown: 'gray' } as const;

export function RiskFactorsSection({ pregnancy, hepaticImpairment }: Pick<Clinical, 'pregnancy' | 'hepaticImpairment'>) {
  return (
    <ChartSection title="Pregnancy and liver">
      <SimpleGrid cols={2} spacing="sm">
        <Field label="Pregnancy" value={pregnancy ? `${humanize(pregnancy.status)} (recorded ${pregnancy.recordedOn})` : undefined} />
        <Field
          label="Hepatic impairment (Child-Pugh)"
          value={hepaticImpairment ? `${humanize(hepaticImpairment.class)} (recorded ${hepaticImpairment.recordedOn})` : undefined}
        />
      </SimpleGrid>
    </ChartSection>
  );
}

export function PainHistorySection({ painHistory }: Pick<Clinical, 'painHistory'>) {
  return (
    <ChartSection title="Pain history">
      {!painHistory ? (
        <NoneRecorded />
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Field label="Onset" value={painHistory.onsetDate} />
            <Field label="Duration" value={painHistory.durationMonths !== undefined ? `${painHistory.durationMonths} months` : undefined} />
          </SimpleGrid>
          <Field label="Summary" value={painHistory.summary} />
          <div>
            <Text size="xs" c="dimmed">
              Treatments tried
            </Text>
            {painHistory.treatmentsTried.length === 0 ? (
              <NoneRecorded />
            ) : (
              <List size="sm" spacing={4}>
                {painHistory.treatmentsTried.map((treatment) => (
                  <List.Item key={treatment.id}>
                    <Group gap={6}>
                      <Text size="sm">
                        {humanize(treatment.category)}
                        {treatment.detail ? `: ${treatment.detail}` : ''}
                      </Text>
                      <Badge size="xs" variant="light" color={RESULT_COLOR[treatment.result]}>
                        {humanize(treatment.result)}
                      </Badge>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        </Stack>
      )}
    </ChartSection>
  );
}

export function PsychiatricAndSubstanceSection({
  psychiatricHistory,
  substanceUseHistory,
}: Pick<Clinical, 'psychiatricHistory' | 'substanceUseHistory'>) {
  return (
    <ChartSection title="Psychiatric and substance use history">
      <Text size="xs" c="dimmed">
        Psychiatric
      </Text>
      {psychiatricHistory.length === 0 ? (
        <NoneRecorded />
      ) : (
        <List size="sm" spacing={4}>
          {psychiatricHistory.map((entry) => (
            <List.Item key={entry.id}>
              <HistoryLine
                label={`${humanize(entry.code)}${entry.icd10cm ? ` (${entry.icd10cm})` : ''}`}
                status={entry.status}
                notedOn={entry.notedOn}
                note={entry.note}
              />
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        Substance use
      </Text>
      {substanceUseHistory.length === 0 ? (
        <NoneRecorded />
      ) : (
        <List size="sm" spacing={4}>
          {substanceUseHistory.map((entry) => (
            <List.Item key={entry.id}>
              <HistoryLine label={humanize(entry.substance)} status={entry.status} notedOn={entry.notedOn} note={entry.note} />
            </List.Item>
          ))}
        </List>
      )}
    </ChartSection>
  );
}

/** Notes are free text typed by staff: rendered as text, never as markup. */
function HistoryLine({ label, status, notedOn, note }: { label: string; status: string; notedOn?: string; note?: string }) {
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <Text span fw={500}>
        {label}
      </Text>{' '}
      · {humanize(status)}
      {notedOn ? ` · ${notedOn}` : ''}
      {note ? ` · ${note}` : ''}
    </Text>
  );
}
