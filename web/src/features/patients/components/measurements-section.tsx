import { LineChart } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import { formatNumber, formatWeightKg } from '../../../lib/format.ts';
import type { Clinical } from '../patients.api.ts';
import { ChartSection, NoneRecorded } from './chart-section.tsx';

const byDate = <T extends { measuredOn: string }>(entries: readonly T[]) =>
  [...entries].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));

/** Weight over time (a chart once there are two points) and the recorded heights. */
export function MeasurementsSection({ weights, heights }: Pick<Clinical, 'weights' | 'heights'>) {
  const weightSeries = byDate(weights).map((entry) => ({ measuredOn: entry.measuredOn, weightKg: Math.round(entry.weightKg * 10) / 10 }));
  const sortedHeights = byDate(heights);
  return (
    <ChartSection title="Weight and height">
      {weightSeries.length === 0 ? (
        <NoneRecorded>No weight recorded</NoneRecorded>
      ) : weightSeries.length === 1 ? (
        <Text size="sm">
          {formatWeightKg(weightSeries[0]!.weightKg)} on {weightSeries[0]!.measuredOn}
        </Text>
      ) : (
        <LineChart
          h={180}
          data={weightSeries}
          dataKey="measuredOn"
          series={[{ name: 'weightKg', label: 'Weight (kg)', color: 'teal.6' }]}
          curveType="linear"
          yAxisProps={{ domain: ['dataMin - 2', 'dataMax + 2'], width: 48 }}
          valueFormatter={(value) => formatNumber(value)}
          aria-label="Weight over time"
        />
      )}
      <Group gap="xs">
        <Text size="sm" fw={500}>
          Height:
        </Text>
        {sortedHeights.length === 0 ? (
          <NoneRecorded>not recorded</NoneRecorded>
        ) : (
          <Text size="sm">{sortedHeights.map((entry) => `${formatNumber(entry.heightCm)} cm (${entry.measuredOn})`).join(' · ')}</Text>
        )}
      </Group>
    </ChartSection>
  );
}
