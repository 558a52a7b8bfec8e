import { ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { ConcentrationBand } from '../../../../../src/domain/pharmacology/concentration-bands.ts';
import { formatNgPerMl, formatTime, type PkChartPoint, thinPoints } from '../pk-chart-data.ts';

const formatBound = (value: number) => (Number.isFinite(value) ? `${value}` : '');

/** The chart as text: the peak, the bands and the points (thinned to about 60 rows). */
export function PkChartTable({
  points,
  peakText,
  unit,
  bands,
}: {
  points: readonly PkChartPoint[];
  peakText: string;
  unit: 'min' | 'h';
  bands: readonly ConcentrationBand[];
}) {
  const rows = thinPoints(points);
  const withPopulation = points.some((point) => point.range !== undefined);
  return (
    <Stack gap="xs">
      <Text size="sm">{peakText}</Text>
      <Table withTableBorder fz="sm" captionSide="top">
        <Table.Caption>Concentration bands (ng/mL)</Table.Caption>
        <Table.Tbody>
          {bands.map((band) => (
            <Table.Tr key={band.id}>
              <Table.Td>
                {Number.isFinite(band.upperNgPerMl) ? `${band.lowerNgPerMl}-${formatBound(band.upperNgPerMl)}` : `>= ${band.lowerNgPerMl}`}
              </Table.Td>
              <Table.Td>{band.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ScrollArea.Autosize mah={360}>
        <Table withTableBorder striped fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Plasma (ng/mL)</Table.Th>
              {withPopulation && <Table.Th>Population median</Table.Th>}
              {withPopulation && <Table.Th>5th-95th percentile</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((point) => (
              <Table.Tr key={point.t}>
                <Table.Td>{formatTime(point.t, unit)}</Table.Td>
                <Table.Td>{point.plasma === undefined ? '' : formatNgPerMl(point.plasma)}</Table.Td>
                {withPopulation && <Table.Td>{point.p50 === undefined ? '' : formatNgPerMl(point.p50)}</Table.Td>}
                {withPopulation && (
                  <Table.Td>{point.range ? `${formatNgPerMl(point.range[0])}-${formatNgPerMl(point.range[1])}` : ''}</Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}
