import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { DoseCheckResult } from '../pharmacology.api.ts';
import { createRow, type RegimenRow, ROUTES, type RouteId, type RowErrors, type RowKind } from '../regimen-rows.ts';
import { type DoseCheckContext, DoseCheckView } from './dose-check-view.tsx';

interface RegimenEditorProps {
  rows: readonly RegimenRow[];
  onChange: (rows: RegimenRow[]) => void;
  /** The library entry's route and modes (bolus, rate) for the chosen product and profile. */
  defaultRoute: RouteId;
  modes: readonly ('bolus' | 'rate')[];
  doseUnitHint: { bolus?: string; rate?: string };
  checks: Record<string, UseQueryResult<DoseCheckResult> | undefined>;
  errors: RowErrors;
  checkContext: (row: RegimenRow) => DoseCheckContext;
}

/** Bolus and infusion rows: route, dose or rate as text with its unit, times; each with its dose check. */
export function RegimenEditor({ rows, onChange, defaultRoute, modes, doseUnitHint, checks, errors, checkContext }: RegimenEditorProps) {
  const add = (kind: RowKind) => onChange([...rows, createRow(kind, defaultRoute, rows[rows.length - 1])]);
  const update = (id: string, patch: Partial<RegimenRow>) => onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const remove = (id: string) => onChange(rows.filter((row) => row.id !== id));
  return (
    <Stack gap="sm">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No doses yet. Add a bolus or an infusion to check it against the clinic library and see the predicted curve.
        </Text>
      )}
      {rows.map((row, index) => (
        <Paper key={row.id} withBorder p="sm" radius="md" data-testid="regimen-row">
          <Stack gap="xs">
            <RowFields
              row={row}
              index={index}
              hint={row.kind === 'bolus' ? doseUnitHint.bolus : doseUnitHint.rate}
              errors={errors[row.id] ?? {}}
              onChange={(patch) => update(row.id, patch)}
              onRemove={() => remove(row.id)}
            />
            <DoseCheckView row={row} check={checks[row.id]} context={checkContext(row)} />
          </Stack>
        </Paper>
      ))}
      <Group gap="xs">
        <AddButton kind="bolus" allowed={modes.includes('bolus')} onAdd={add} />
        <AddButton kind="infusion" allowed={modes.includes('rate')} onAdd={add} />
      </Group>
    </Stack>
  );
}

function AddButton({ kind, allowed, onAdd }: { kind: RowKind; allowed: boolean; onAdd: (kind: RowKind) => void }) {
  const button = (
    <Button variant="light" leftSection={<IconPlus size={16} />} disabled={!allowed} onClick={() => onAdd(kind)}>
      Add {kind}
    </Button>
  );
  if (allowed) return button;
  return (
    <Tooltip label={`The library entry does not allow a ${kind === 'bolus' ? 'bolus' : 'continuous rate'}`}>
      <span>{button}</span>
    </Tooltip>
  );
}

interface RowFieldsProps {
  row: RegimenRow;
  index: number;
  hint: string | undefined;
  errors: RowErrors[string];
  onChange: (patch: Partial<RegimenRow>) => void;
  onRemove: () => void;
}

function RowFields({ row, index, hint, errors, onChange, onRemove }: RowFieldsProps) {
  const isBolus = row.kind === 'bolus';
  const name = `${isBolus ? 'Bolus' : 'Infusion'} ${index + 1}`;
  const example = isBolus ? (hint === 'mg' ? '25 mg' : '0.35 mg/kg') : hint === 'mg/h' ? '20 mg/h' : '0.5 mg/kg/h';
  const showConcentration = !isBolus || row.route === 'topical';
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <Badge variant="light" color={isBolus ? 'grape' : 'blue'} tt="none">
          {name}
        </Badge>
        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${name}`} onClick={onRemove}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Select
          label="Route"
          w={96}
          data={ROUTES.map((route) => ({ value: route, label: route.toUpperCase() }))}
          value={row.route}
          allowDeselect={false}
          onChange={(value) => value && onChange({ route: value as RouteId })}
          error={errors.route}
        />
        <TextInput
          label={isBolus ? 'Dose' : 'Rate'}
          description={`with the unit, e.g. ${example}`}
          placeholder={example}
          w={170}
          value={row.amount}
          onChange={(event) => onChange({ amount: event.currentTarget.value })}
          error={errors.amount}
          autoComplete="off"
          spellCheck={false}
        />
        <NumberInput
          label={isBolus ? 'At (min)' : 'Start (min)'}
          w={100}
          min={0}
          value={row.startMin}
          onChange={(value) => onChange({ startMin: value })}
          error={errors.startMin}
        />
        {!isBolus && (
          <NumberInput
            label="End (min)"
            w={100}
            min={0}
            value={row.endMin}
            onChange={(value) => onChange({ endMin: value })}
            error={errors.endMin}
          />
        )}
        {isBolus && row.route === 'iv' && (
          <NumberInput
            label="Over (min)"
            description="label: 1 min"
            w={100}
            min={0}
            value={row.overMin}
            onChange={(value) => onChange({ overMin: value })}
            error={errors.overMin}
          />
        )}
        {showConcentration && (
          <TextInput
            label={row.route === 'topical' ? 'Strength' : 'Line concentration'}
            description={row.route === 'topical' ? 'e.g. 5 % w/w' : 'empty: library standard'}
            placeholder={row.route === 'topical' ? '5 % w/w' : '1 mg/mL'}
            w={170}
            value={row.concentration}
            onChange={(event) => onChange({ concentration: event.currentTarget.value })}
            error={errors.concentration}
            autoComplete="off"
          />
        )}
      </Group>
      {errors.row && (
        <Text size="sm" c="red" role="alert">
          {errors.row}
        </Text>
      )}
    </Stack>
  );
}
