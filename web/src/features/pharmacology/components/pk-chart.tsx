import { Box, Group, Switch, Text } from '@mantine/core';
import { useId, useState } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { BANDS_NOTE, CONCENTRATION_BANDS, type ConcentrationBand } from '../../../../../src/domain/pharmacology/concentration-bands.ts';
import {
  chooseConcentrationMax,
  chooseTimeUnit,
  findPeak,
  formatNgPerMl,
  formatTime,
  mergePkSeries,
  type PkPopulationCurves,
} from '../pk-chart-data.ts';
import { PkChartTable } from './pk-chart-table.tsx';

export interface PkChartMarker {
  timeMin: number;
  label: string;
}

export interface PkChartProps {
  /** Minutes from the start, one per value. */
  timesMin: readonly number[];
  /** Predicted plasma concentration (ng/mL). */
  plasmaNgPerMl: readonly number[];
  /** 5th/50th/95th percentile curves from a population simulation. */
  population?: PkPopulationCurves;
  /** Bands shaded behind the curve (default: DOMAIN.md 6, derived). */
  bands?: readonly ConcentrationBand[];
  bandsNote?: string;
  /** Events to mark on the time axis (a bolus, a rate change, a vitals set). */
  markers?: readonly PkChartMarker[];
  /** Force the time axis unit; by default hours after 6 h. */
  timeUnit?: 'min' | 'h';
  height?: number;
  title?: string;
}

const BAND_COLORS: Record<string, string> = {
  low: 'gray',
  analgesic: 'green',
  'marked-dissociation': 'yellow',
  'pre-anaesthetic': 'orange',
  anaesthetic: 'red',
};
const FALLBACK_COLORS = ['gray', 'green', 'yellow', 'orange', 'red', 'grape'];
const bandColor = (band: ConcentrationBand, i: number) =>
  `var(--mantine-color-${BAND_COLORS[band.id] ?? FALLBACK_COLORS[i % FALLBACK_COLORS.length]}-5)`;
/** The chart shows the band's name before any explanation in brackets; the table has the full label. */
const shortLabel = (band: ConcentrationBand) => band.label.split(' (')[0] ?? band.label;

/** Predicted plasma concentration over time with the concentration bands, an optional population range and the
 *  peak marked; a switch shows the same data as a table (for screen readers and exact values). */
export function PkChart({
  timesMin,
  plasmaNgPerMl,
  population,
  bands = CONCENTRATION_BANDS,
  bandsNote = BANDS_NOTE,
  markers = [],
  timeUnit,
  height = 320,
  title = 'Predicted plasma concentration',
}: PkChartProps) {
  const [showTable, setShowTable] = useState(false);
  const captionId = useId();
  const points = mergePkSeries(timesMin, plasmaNgPerMl, population);
  const peak = findPeak(timesMin, plasmaNgPerMl);
  const lastMin = points[points.length - 1]?.t ?? 0;
  const unit = timeUnit ?? chooseTimeUnit(lastMin);
  const highest = Math.max(peak?.cmaxNgPerMl ?? 0, ...(population?.p95 ?? []));
  const yMax = chooseConcentrationMax(highest);
  const visibleBands = bands.filter((band) => band.lowerNgPerMl < yMax);
  const ticks = unit === 'h' ? Array.from({ length: Math.floor(lastMin / 60) + 1 }, (_, i) => i * 60) : undefined;
  const peakText = peak ? `Cmax ${formatNgPerMl(peak.cmaxNgPerMl)} ng/mL at ${formatTime(peak.tmaxMin, unit)}` : 'No values';

  return (
    <Box component="figure" m={0} aria-labelledby={captionId} data-testid="pk-chart">
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Box>
          <Text id={captionId} fw={600} size="sm">
            {title} (ng/mL)
          </Text>
          <Text size="sm" data-testid="pk-chart-cmax">
            {peakText}
          </Text>
        </Box>
        <Switch size="sm" label="Show as table" checked={showTable} onChange={(event) => setShowTable(event.currentTarget.checked)} />
      </Group>
      {showTable ? (
        <PkChartTable points={points} peakText={peakText} unit={unit} bands={bands} />
      ) : (
        <Box h={height} aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
              {visibleBands.map((band, i) => (
                <ReferenceArea
                  key={band.id}
                  y1={band.lowerNgPerMl}
                  y2={Math.min(band.upperNgPerMl, yMax)}
                  fill={bandColor(band, i)}
                  fillOpacity={0.12}
                  stroke="none"
                  ifOverflow="hidden"
                  label={{ value: shortLabel(band), position: 'insideTopRight', fontSize: 11, fill: 'var(--mantine-color-dimmed)' }}
                />
              ))}
              <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.5} />
              <XAxis
                dataKey="t"
                type="number"
                domain={[0, lastMin]}
                ticks={ticks}
                tickFormatter={(t: number) => (unit === 'h' ? `${t / 60}` : `${t}`)}
                label={{ value: unit === 'h' ? 'hours' : 'minutes', position: 'insideBottomRight', offset: -4, fontSize: 12 }}
                fontSize={12}
              />
              <YAxis domain={[0, yMax]} allowDataOverflow width={48} fontSize={12} />
              {population && (
                <Area
                  dataKey="range"
                  name="population p5-p95"
                  stroke="none"
                  fill="var(--mantine-color-blue-4)"
                  fillOpacity={0.3}
                  isAnimationActive={false}
                  connectNulls
                />
              )}
              {population && (
                <Line
                  dataKey="p50"
                  name="population median"
                  stroke="var(--mantine-color-blue-7)"
                  strokeDasharray="6 4"
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
              )}
              <Line
                dataKey="plasma"
                name="plasma"
                stroke="var(--mantine-color-teal-8)"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
                connectNulls
              />
              {markers.map((marker) => (
                <ReferenceLine
                  key={`${marker.timeMin}-${marker.label}`}
                  x={marker.timeMin}
                  stroke="var(--mantine-color-gray-6)"
                  strokeDasharray="2 3"
                  label={{ value: marker.label, position: 'insideTopLeft', fontSize: 11 }}
                />
              ))}
              {peak && (
                <ReferenceDot
                  x={peak.tmaxMin}
                  y={peak.cmaxNgPerMl}
                  r={5}
                  fill="var(--mantine-color-teal-8)"
                  stroke="white"
                  label={{ value: 'Cmax', position: 'top', fontSize: 12 }}
                />
              )}
              <Tooltip
                labelFormatter={(t) => formatTime(Number(t), unit)}
                formatter={(value) =>
                  Array.isArray(value) ? value.map((v) => formatNgPerMl(Number(v))).join(' - ') : formatNgPerMl(Number(value))
                }
              />
            </ComposedChart>
          </ResponsiveContainer>
        </Box>
      )}
      <Text component="figcaption" size="xs" c="dimmed" mt={4}>
        {population ? 'Solid line: prediction for this patient; dashed line and shading: population median and 5th-95th percentile. ' : ''}
        Shaded bands: {bandsNote}.
      </Text>
    </Box>
  );
}
