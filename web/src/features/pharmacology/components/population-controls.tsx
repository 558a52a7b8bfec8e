import { Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import type { PopulationSettings } from '../use-dosing-queries.ts';

/** The optional population run: how many simulated patients, the seed, and the variability (clinic assumptions). */
export function PopulationControls({
  settings,
  onChange,
}: {
  settings: PopulationSettings;
  onChange: (patch: Partial<PopulationSettings>) => void;
}) {
  return (
    <Stack gap="xs">
      <Switch
        label="Population: show the spread between patients"
        description="Monte Carlo with log-normal variability; band and probability of reaching each concentration band"
        checked={settings.enabled}
        onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
      />
      {settings.enabled && (
        <>
          <Group gap="xs" align="flex-start" wrap="wrap">
            <NumberInput
              label="Subjects"
              w={110}
              min={1}
              max={5000}
              allowDecimal={false}
              value={settings.subjects}
              onChange={(value) => onChange({ subjects: value })}
            />
            <NumberInput
              label="Seed"
              w={110}
              min={0}
              allowDecimal={false}
              value={settings.seed}
              onChange={(value) => onChange({ seed: value })}
            />
            <NumberInput
              label="Clearance CV (%)"
              description="clinic assumption"
              w={150}
              min={0}
              max={200}
              value={settings.clearanceCvPct}
              onChange={(value) => onChange({ clearanceCvPct: value })}
            />
            <NumberInput
              label="Central volume CV (%)"
              description="clinic assumption"
              w={170}
              min={0}
              max={200}
              value={settings.centralVolumeCvPct}
              onChange={(value) => onChange({ centralVolumeCvPct: value })}
            />
          </Group>
          <Text size="xs" c="dimmed">
            No published variability exists for these models (DOMAIN.md): the CVs are the clinic's assumptions and are listed with the
            result.
          </Text>
        </>
      )}
    </Stack>
  );
}
