import { Alert, Badge, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCircleCheck } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { describeViolation, VERDICT_TEXT } from '../dose-check-text.ts';
import type { DoseCheckResult } from '../pharmacology.api.ts';
import type { RegimenRow } from '../regimen-rows.ts';

const ICONS = { ok: IconCircleCheck, soft: IconAlertTriangle, hard: IconBan } as const;

export interface DoseCheckContext {
  /** Stock strength of the chosen product (mg/mL). */
  stockMgPerMl?: number;
  /** Concentration the pump line runs at (mg/mL): the row's, else the entry's standard, else the stock. */
  lineMgPerMl?: number;
  volumeStepMl: number;
}

/** One row's verdict: the colour and words, every violated limit, the slip hints, and the volume / pump rate. */
export function DoseCheckView({
  row,
  check,
  context,
}: {
  row: RegimenRow;
  check: UseQueryResult<DoseCheckResult> | undefined;
  context: DoseCheckContext;
}) {
  if (!check) return null;
  if (check.isPending) return <Loader size="xs" aria-label="Checking the dose" />;
  if (check.isError) {
    // Field issues are shown next to the fields; other failures here.
    if (isApiError(check.error, 400) && check.error.fieldIssues.length > 0) return null;
    return (
      <Text size="sm" c="red" role="alert">
        Dose check failed: {describeError(check.error)}
      </Text>
    );
  }
  const result = check.data;
  const verdict = VERDICT_TEXT[result.verdict];
  const Icon = ICONS[result.verdict];
  return (
    <Alert
      color={verdict.color}
      variant="light"
      icon={<Icon size={18} />}
      p="xs"
      data-testid="dose-verdict"
      data-verdict={result.verdict}
      title={
        <Group gap="xs">
          <Badge color={verdict.color} variant="filled" tt="none">
            {verdict.label}
          </Badge>
          <Text size="sm" fw={500}>
            {verdict.detail}
          </Text>
          {check.isFetching && <Loader size="xs" aria-label="Checking the dose" />}
        </Group>
      }
    >
      <Stack gap={4}>
        {result.violations.length > 0 && (
          <List size="sm" spacing={2}>
            {result.violations.map((violation) => (
              <List.Item key={`${violation.limit}-${violation.limitValue}-${violation.unit}`}>
                <Text span size="sm" c={violation.severity === 'hard' ? 'red.8' : 'yellow.9'} fw={600}>
                  {violation.severity === 'hard' ? 'Hard' : 'Soft'}:
                </Text>{' '}
                {describeViolation(violation)}
                {violation.source && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({violation.source})
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {result.slipHints.map((hint) => (
          <Text key={hint} size="sm" fw={600} c="red.8">
            Possible slip: {hint}
          </Text>
        ))}
        <VolumeText row={row} result={result} context={context} />
        <Text size="xs" c="dimmed">
          Library {result.libraryVersion}
          {result.entryId ? `, entry ${result.entryId}` : ''}
        </Text>
      </Stack>
    </Alert>
  );
}

const roundToStep = (value: number, step: number) => Number((Math.round(value / step) * step).toPrecision(12));

function VolumeText({ row, result, context }: { row: RegimenRow; result: DoseCheckResult; context: DoseCheckContext }) {
  if (row.kind === 'bolus') {
    if (result.volumeMl === null) return null;
    return (
      <Text size="sm" data-testid="dose-volume">
        Volume to draw: <strong>{result.volumeMl} mL</strong>
        {context.stockMgPerMl ? ` of ${context.stockMgPerMl} mg/mL` : ''}
      </Text>
    );
  }
  if (result.pumpRateMlPerH === null) return null;
  const { lineMgPerMl, stockMgPerMl, volumeStepMl } = context;
  const drawMl =
    result.volumeMl !== null && lineMgPerMl && stockMgPerMl && lineMgPerMl !== stockMgPerMl
      ? roundToStep((result.volumeMl * lineMgPerMl) / stockMgPerMl, volumeStepMl)
      : null;
  return (
    <Text size="sm" data-testid="dose-volume">
      Pump rate: <strong>{result.pumpRateMlPerH} mL/h</strong>
      {lineMgPerMl ? ` at ${lineMgPerMl} mg/mL` : ''}
      {result.volumeMl !== null && ` · ${result.volumeMl} mL for the whole infusion`}
      {drawMl !== null && (
        <>
          {' · '}draw <strong>{drawMl} mL</strong> of the {stockMgPerMl} mg/mL vial to make it
        </>
      )}
    </Text>
  );
}
