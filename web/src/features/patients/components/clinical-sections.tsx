import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { humanize, todayIso } from '../../../lib/format.ts';
import type { Clinical, PatientDerived } from '../patients.api.ts';
import { ChartSection, NoneRecorded } from './chart-section.tsx';

type Medication = Clinical['medications'][number];

const CLASS_COLOR: Record<string, string> = { opioid: 'red', benzodiazepine: 'orange' };

export function ConditionsSection({ conditions }: { conditions: Clinical['conditions'] }) {
  return (
    <ChartSection title="Conditions">
      {conditions.length === 0 ? (
        <NoneRecorded />
      ) : (
        <Stack gap={6}>
          {conditions.map((condition) => (
            <Group key={condition.id} gap="xs" wrap="nowrap" align="flex-start">
              {condition.coding.kind === 'icd10cm' ? (
                <Badge variant="outline" color="blue" style={{ flexShrink: 0 }} title="ICD-10-CM">
                  {condition.coding.code}
                </Badge>
              ) : (
                <Badge variant="outline" color="gray" style={{ flexShrink: 0 }} title="Free text, not coded">
                  uncoded
                </Badge>
              )}
              <Text size="sm" c={condition.status === 'resolved' ? 'dimmed' : undefined}>
                {condition.coding.kind === 'icd10cm' ? condition.coding.display : condition.coding.text}
                {condition.onsetDate ? ` · since ${condition.onsetDate}` : ''}
                {condition.status === 'resolved' ? ' · resolved' : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </ChartSection>
  );
}

/** A medication counts as active until its stop date has passed. */
function isActive(medication: Medication, today: string): boolean {
  return !medication.stopDate || medication.stopDate >= today;
}

function describeDose(medication: Medication): string {
  const frequency = medication.prn ? `as needed, up to ${medication.timesPerDay}× a day` : `${medication.timesPerDay}× a day`;
  return `${medication.strength.value} ${medication.strength.unit} · ${humanize(medication.form)} · ${humanize(medication.route)} · ${frequency}`;
}

export function MedicationsSection({ medications, derived }: { medications: Clinical['medications']; derived?: PatientDerived }) {
  const active = medications.filter((medication) => isActive(medication, todayIso()));
  const classesOf = (id: string) => derived?.medicationClasses.find((entry) => entry.medicationId === id)?.classes ?? [];
  return (
    <ChartSection title="Active medications">
      {active.length === 0 ? (
        <NoneRecorded>No active medications recorded</NoneRecorded>
      ) : (
        <Stack gap="xs">
          {active.map((medication) => (
            <div key={medication.id} data-testid="active-medication">
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {medication.ingredient}
                </Text>
                {medication.prn && (
                  <Badge size="xs" variant="light" color="gray">
                    PRN
                  </Badge>
                )}
                {classesOf(medication.id).map((drugClass) => (
                  <Badge key={drugClass} size="xs" variant="light" color={CLASS_COLOR[drugClass] ?? 'grape'}>
                    {drugClass}
                  </Badge>
                ))}
              </Group>
              <Text size="sm" c="dimmed">
                {describeDose(medication)}
                {medication.startDate ? ` · since ${medication.startDate}` : ''}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </ChartSection>
  );
}

export function AllergiesSection({ allergies }: { allergies: Clinical['allergies'] }) {
  return (
    <ChartSection title="Allergies">
      {allergies.length === 0 ? (
        <NoneRecorded>No known allergies recorded</NoneRecorded>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Substance</Table.Th>
                <Table.Th>Reaction</Table.Th>
                <Table.Th>Severity</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {allergies.map((allergy) => (
                <Table.Tr key={allergy.id}>
                  <Table.Td>{allergy.substance.display}</Table.Td>
                  <Table.Td>{allergy.reaction ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text
                      size="sm"
                      c={allergy.severity === 'severe' ? 'red' : undefined}
                      fw={allergy.severity === 'severe' ? 700 : undefined}
                    >
                      {humanize(allergy.severity)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </ChartSection>
  );
}
