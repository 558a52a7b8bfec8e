import { Group, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { FieldIssue } from '../../../lib/api-client.ts';
import type { DrugLibrary, PkModelInfo } from '../pharmacology.api.ts';

export interface PatientValues {
  weightKg: number | string;
  ageYears: number | string;
  sex: '' | 'f' | 'm';
}

const issueFor = (issues: readonly FieldIssue[], field: string) =>
  issues
    .filter((issue) => issue.path === field || issue.path.endsWith(`.${field}`))
    .map((issue) => issue.message)
    .join(' ') || undefined;

/** Weight, age, sex and the PK model. `weightSource` says where a preselected weight came from. */
export function PatientFields({
  values,
  onChange,
  models,
  modelId,
  onModelChange,
  issues,
  weightSource,
}: {
  values: PatientValues;
  onChange: (patch: Partial<PatientValues>) => void;
  models: readonly PkModelInfo[];
  modelId: string;
  onModelChange: (modelId: string) => void;
  issues: readonly FieldIssue[];
  weightSource?: string;
}) {
  const model = models.find((candidate) => candidate.id === modelId);
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-start" wrap="wrap">
        <NumberInput
          label="Weight (kg)"
          description={weightSource}
          w={170}
          min={0}
          decimalScale={1}
          value={values.weightKg}
          onChange={(value) => onChange({ weightKg: value })}
          error={issueFor(issues, 'weightKg')}
          required
        />
        <NumberInput
          label="Age (years)"
          w={110}
          min={0}
          value={values.ageYears}
          onChange={(value) => onChange({ ageYears: value })}
          error={issueFor(issues, 'ageYears')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} component="label">
            Sex
          </Text>
          <SegmentedControl
            size="xs"
            aria-label="Sex"
            value={values.sex}
            onChange={(value) => onChange({ sex: value as PatientValues['sex'] })}
            data={[
              { value: 'f', label: 'F' },
              { value: 'm', label: 'M' },
              { value: '', label: 'n/a' },
            ]}
          />
        </Stack>
      </Group>
      <Select
        label="PK model"
        data={models.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
        value={modelId}
        allowDeselect={false}
        onChange={(value) => value && onModelChange(value)}
        error={issueFor(issues, 'modelId')}
        maw={420}
      />
      {model && (
        <Text size="xs" c="dimmed">
          {model.population}. {model.citation}
          {model.ranges?.note ? `. Range: ${model.ranges.note}` : ''}
        </Text>
      )}
    </Stack>
  );
}

/** Profile (care area) and product, from the clinic's approved library. */
export function ProductFields({
  library,
  profileId,
  productId,
  onChange,
}: {
  library: DrugLibrary;
  profileId: string | null;
  productId: string | null;
  onChange: (selection: { profileId: string | null; productId: string | null }) => void;
}) {
  const profile = library.profiles.find((candidate) => candidate.id === profileId);
  const productIds = new Set(profile?.entries.flatMap((entry) => entry.productIds) ?? []);
  const products = library.products.filter((product) => productIds.has(product.id));
  return (
    <Stack gap="xs">
      <Select
        label="Profile"
        data={library.profiles.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.careArea})` }))}
        value={profileId}
        allowDeselect={false}
        onChange={(value) => {
          const next = library.profiles.find((candidate) => candidate.id === value);
          onChange({ profileId: value, productId: next?.entries[0]?.productIds[0] ?? null });
        }}
        maw={420}
      />
      <Select
        label="Product"
        data={products.map((product) => ({ value: product.id, label: product.name }))}
        value={productId}
        allowDeselect={false}
        onChange={(value) => onChange({ profileId, productId: value })}
        maw={420}
      />
    </Stack>
  );
}
