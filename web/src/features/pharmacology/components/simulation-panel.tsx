import { Alert, Group, List, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { CONCENTRATION_BANDS } from '../../../../../src/domain/pharmacology/concentration-bands.ts';
import { describeError, type FieldIssue, isApiError } from '../../../lib/api-client.ts';
import type { PopulationResult, SimulateAnswer, SimulationResult } from '../pharmacology.api.ts';
import { chooseTimeUnit, formatNgPerMl, formatTime } from '../pk-chart-data.ts';
import { PkChart } from './pk-chart.tsx';

interface SimulationPanelProps {
  simulate: UseQueryResult<SimulateAnswer>;
  hasEvents: boolean;
  weightReady: boolean;
  /** Issues not about a row (weight, age, model); row issues are shown on the rows. */
  formIssues: readonly FieldIssue[];
}

/** The predicted curve with its summary and warnings, or why there is none yet. */
export function SimulationPanel({ simulate, hasEvents, weightReady, formIssues }: SimulationPanelProps) {
  if (!weightReady) return <Text c="dimmed">Enter the weight in kg to see the predicted curve.</Text>;
  if (!hasEvents) return <Text c="dimmed">Add a bolus or an infusion with its dose or rate to see the predicted plasma curve.</Text>;
  if (simulate.isPending)
    return (
      <Group gap="xs">
        <Loader size="sm" aria-label="Computing the curve" />
        <Text size="sm">Computing the predicted curve…</Text>
      </Group>
    );
  if (simulate.isError) {
    const rowIssues = isApiError(simulate.error, 400) && formIssues.length === 0;
    return (
      <Alert color="red" title="No curve for this regimen yet" role="alert">
        {rowIssues
          ? 'Correct the fields marked in red above.'
          : formIssues.length > 0
            ? formIssues.map((issue) => `${issue.path}: ${issue.message}`).join(' ')
            : describeError(simulate.error)}
      </Alert>
    );
  }
  const { simulation, population } = simulate.data;
  return (
    <Stack gap="sm">
      {simulate.isFetching && (
        <Group gap="xs">
          <Loader size="xs" aria-label="Updating the curve" />
          <Text size="xs" c="dimmed">
            Updating…
          </Text>
        </Group>
      )}
      <Warnings simulation={simulation} />
      {simulation.status === 'simulated' && simulation.timesMin.length > 0 && (
        <>
          <PkChart
            timesMin={simulation.timesMin}
            plasmaNgPerMl={simulation.plasmaNgPerMl}
            population={population ? { timesMin: population.timesMin, ...population.percentiles } : undefined}
          />
          <Summary simulation={simulation} />
        </>
      )}
      {population && <PopulationSummary population={population} />}
    </Stack>
  );
}

function Warnings({ simulation }: { simulation: SimulationResult }) {
  const notes = simulation.summary?.notes ?? [];
  return (
    <>
      {simulation.status === 'no-validated-model' && (
        <Alert color="blue" icon={<IconInfoCircle />} title="No validated model: no curve" data-testid="no-model-notice">
          {simulation.warnings.join(' ') || 'There is no validated pharmacokinetic model for this drug, so no curve is predicted.'}
        </Alert>
      )}
      {simulation.status === 'simulated' && simulation.warnings.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle />} title="Read before relying on this curve">
          <List size="sm">
            {simulation.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {notes.length > 0 && (
        <Alert color="gray" icon={<IconInfoCircle />} title="Notes">
          <List size="sm">
            {notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

const bandLabel = (bandId: string) => CONCENTRATION_BANDS.find((band) => band.id === bandId)?.label.split(' (')[0] ?? bandId;
const round1 = (value: number) => String(Math.round(value * 10) / 10);

function Summary({ simulation }: { simulation: SimulationResult }) {
  const summary = simulation.summary;
  if (!summary) return null;
  const unit = chooseTimeUnit(simulation.timesMin[simulation.timesMin.length - 1] ?? 0);
  const inBands = Object.entries(summary.timeInBandsMin).filter(([, minutes]) => minutes > 0);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure
          label="Cmax (predicted)"
          value={`${formatNgPerMl(summary.cmaxNgPerMl)} ng/mL at ${formatTime(summary.tmaxMin, unit)}`}
          testId="summary-cmax"
        />
        <Figure
          label="Time to 90 % of steady state"
          value={summary.timeTo90PctSteadyStateMin > 0 ? formatTime(summary.timeTo90PctSteadyStateMin, 'min') : 'no constant infusion'}
        />
        <Figure
          label="Amount given"
          value={`${round1(summary.amountGivenMg)} mg (${round1(summary.amountBioavailableMg)} mg bioavailable)`}
        />
        <Figure label="AUC" value={`${formatNgPerMl(summary.aucNgHPerMl)} ng·h/mL`} />
      </SimpleGrid>
      {inBands.length > 0 && (
        <Text size="sm">
          <Text span fw={600}>
            Time in bands:
          </Text>{' '}
          {inBands.map(([bandId, minutes]) => `${bandLabel(bandId)} ${formatTime(minutes, 'min')}`).join(' · ')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Model {simulation.model}, {simulation.weightKg} kg. Decision support, not clinical advice.
      </Text>
    </Stack>
  );
}

function PopulationSummary({ population }: { population: PopulationResult }) {
  const { p5, p50, p95 } = population.cmaxPercentilesNgPerMl;
  return (
    <Stack gap="xs" data-testid="population-summary">
      <Text fw={600} size="sm">
        Population ({population.subjects} simulated patients, seed {population.seed}): Cmax {formatNgPerMl(p50)} ng/mL (5th-95th{' '}
        {formatNgPerMl(p5)}-{formatNgPerMl(p95)})
      </Text>
      <Table withTableBorder fz="sm" maw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Peak reaches</Table.Th>
            <Table.Th>Probability</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {population.bandExceedance.map((band) => (
            <Table.Tr key={band.bandId}>
              <Table.Td>
                {bandLabel(band.bandId)} (≥ {band.lowerNgPerMl} ng/mL)
              </Table.Td>
              <Table.Td>{Math.round(band.probability * 1000) / 10} %</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {[...population.assumptions, ...population.warnings].length > 0 && (
        <List size="xs" c="dimmed">
          {[...population.assumptions, ...population.warnings].map((text) => (
            <List.Item key={text}>{text}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
