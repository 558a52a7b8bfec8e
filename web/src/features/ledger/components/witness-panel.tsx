import { Alert, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEyeCheck } from '@tabler/icons-react';
import { isApiError } from '../../../lib/api-client.ts';
import type { WitnessCredential } from '../ledger.api.ts';

/** The errors the server gives about witnesses: shown inside the panel, where the witness is typing. */
export function isWitnessError(error: unknown): boolean {
  return isApiError(error) && error.code.startsWith('ledger.witness_');
}

export function emptyWitnesses(count: number): WitnessCredential[] {
  return Array.from({ length: count }, () => ({ email: '', password: '' }));
}

/**
 * The witness step: a second (and for destruction a third) staff member types their own email and password on this
 * screen. The browser must not remember them (autocomplete off / new-password); the parent clears the passwords as
 * soon as the request is answered.
 */
export function WitnessPanel({
  title = 'Witness',
  heading = title,
  path = 'witnesses',
  witnesses,
  onChange,
  error,
  errors,
}: {
  title?: string;
  heading?: string;
  path?: string;
  witnesses: WitnessCredential[];
  onChange: (witnesses: WitnessCredential[]) => void;
  error: unknown;
  errors: Record<string, string>;
}) {
  const update = (index: number, change: Partial<WitnessCredential>) =>
    onChange(witnesses.map((w, i) => (i === index ? { ...w, ...change } : w)));
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      bg="var(--mantine-color-yellow-light)"
      role="group"
      aria-label={heading}
      data-testid="witness-panel"
    >
      <Stack gap="sm">
        <Title order={2} size="h5">
          <IconEyeCheck size={18} style={{ verticalAlign: 'text-bottom' }} /> {heading}
        </Title>
        <Text size="sm">
          A different staff member watches and signs with their own email and password. It is checked once and not kept on this screen.
        </Text>
        {witnesses.map((witness, index) => {
          const suffix = witnesses.length > 1 ? ` ${index + 1}` : '';
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the witnesses are a fixed-length list of slots
            <SimpleGrid cols={{ base: 1, sm: 2 }} key={index}>
              <TextInput
                label={`${title}${suffix} email`}
                type="email"
                autoComplete="off"
                value={witness.email}
                onChange={(e) => update(index, { email: e.currentTarget.value })}
                error={errors[`${path}.${index}.email`]}
              />
              <PasswordInput
                label={`${title}${suffix} password`}
                autoComplete="new-password"
                value={witness.password}
                onChange={(e) => update(index, { password: e.currentTarget.value })}
                error={errors[`${path}.${index}.password`]}
              />
            </SimpleGrid>
          );
        })}
        {errors[path] && (
          <Text c="red" size="sm">
            {errors[path]}
          </Text>
        )}
        {isWitnessError(error) && (
          <Alert color="red" role="alert" title="Witness not accepted" data-testid="witness-error">
            {(error as Error).message} The witness types their password again.
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
