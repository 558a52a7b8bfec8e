import { ActionIcon, Button, Fieldset, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A titled list of editable entries with an "add" button; each entry is an `EntryRow`. */
export function ListEditor(props: { legend: string; addLabel: string; onAdd: () => void; isEmpty: boolean; children: ReactNode }) {
  return (
    <Fieldset legend={props.legend}>
      <Stack gap="xs">
        {props.isEmpty && (
          <Text size="sm" c="dimmed">
            None recorded
          </Text>
        )}
        {props.children}
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={props.onAdd} w="fit-content">
          {props.addLabel}
        </Button>
      </Stack>
    </Fieldset>
  );
}

/** One entry: its fields wrap on a phone; `error` is a problem the server reported for the entry as a whole. */
export function EntryRow(props: { removeLabel: string; onRemove: () => void; error?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Group align="flex-end" gap="xs" flex={1} wrap="wrap">
          {props.children}
        </Group>
        <ActionIcon variant="subtle" color="red" aria-label={props.removeLabel} title={props.removeLabel} onClick={props.onRemove} mb={4}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      {props.error && (
        <Text size="xs" c="red" mt={4}>
          {props.error}
        </Text>
      )}
    </Paper>
  );
}

/** Select options from enum values, labelled in plain words. */
export function optionsOf(values: readonly string[]): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: (value.charAt(0).toUpperCase() + value.slice(1)).replaceAll('_', ' ') }));
}
