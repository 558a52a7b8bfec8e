import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ageInYears, formatNumber, formatWeightKg, humanize, todayIso } from '../../../lib/format.ts';
import type { Clinical, PatientView } from '../patients.api.ts';

const SEVERITY_COLOR = { severe: 'red', moderate: 'orange', mild: 'yellow', unknown: 'gray' } as const;

/** Who this is, at a glance: identity, latest weight and BMI, and allergies (severe in red) before anything else. */
export function ChartHeader({ patient }: { patient: PatientView }) {
  const { demographics, derived, clinical } = patient;
  const age = ageInYears(demographics.birthDate, todayIso());
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={1} size="h2">
              {demographics.familyName}, {demographics.givenName}
            </Title>
            <Group gap="md" mt={4}>
              <Text size="sm">
                MRN{' '}
                <Text span ff="monospace" fw={600} data-testid="chart-mrn">
                  {demographics.mrn}
                </Text>
              </Text>
              <Text size="sm">
                {age === null ? 'Age unknown' : `${age} years`} · born {demographics.birthDate}
              </Text>
              <Text size="sm">{humanize(demographics.sex)}</Text>
            </Group>
          </div>
          {derived && (
            <Group gap="lg">
              <Measure
                label="Latest weight"
                value={derived.latestWeightKg != null ? formatWeightKg(derived.latestWeightKg) : 'not recorded'}
              />
              <Measure label="BMI" value={derived.bmi != null ? `${formatNumber(derived.bmi)} kg/m²` : 'not available'} />
            </Group>
          )}
        </Group>
        {clinical && <AllergyBadges allergies={clinical.allergies} />}
      </Stack>
    </Paper>
  );
}

function Measure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={600}>
        {value}
      </Text>
    </div>
  );
}

function AllergyBadges({ allergies }: { allergies: Clinical['allergies'] }) {
  if (allergies.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No known allergies recorded
      </Text>
    );
  return (
    <Group gap={6} aria-label="Allergies">
      <Text size="sm" fw={600}>
        Allergies:
      </Text>
      {allergies.map((allergy) => (
        <Badge
          key={allergy.id}
          color={SEVERITY_COLOR[allergy.severity]}
          variant={allergy.severity === 'severe' ? 'filled' : 'light'}
          leftSection={allergy.severity === 'severe' ? <IconAlertTriangle size={12} /> : null}
          title={`${humanize(allergy.severity)}${allergy.reaction ? `: ${allergy.reaction}` : ''}`}
        >
          {allergy.substance.display}
        </Badge>
      ))}
    </Group>
  );
}
