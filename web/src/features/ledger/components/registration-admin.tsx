import { Button, Card, Group, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import { addLocation, createRegistration, type Registration, renewRegistration } from '../ledger.api.ts';
import { useInvalidateLedger, useSelectedRegistration } from '../use-ledger.ts';

/** Server field problems keyed without the `body.` prefix; a bad DEA number lands on its field. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  if (error.code === 'ledger.dea_number_invalid') return { deaNumber: error.message };
  return toFormErrors(error.fieldIssues, (path) => path.replace(/^body\./, ''));
}

/** Admin only: a new DEA registration (number checked with the DEA check digit by the server). */
export function CreateRegistrationForm({ onDone }: { onDone?: () => void }) {
  const invalidate = useInvalidateLedger();
  const { select } = useSelectedRegistration();
  const [values, setValues] = useState({ deaNumber: '', registrantName: '', address: '', expiresOn: '' });
  const create = useMutation({
    mutationFn: () => createRegistration({ ...values, deaNumber: values.deaNumber.trim().toUpperCase() }),
    onSuccess: async (registration) => {
      await invalidate();
      select(registration.id);
      onDone?.();
    },
  });
  const errors = fieldErrors(create.error);
  const set = (key: keyof typeof values) => (e: { currentTarget: { value: string } }) =>
    setValues({ ...values, [key]: e.currentTarget.value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
      noValidate
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="DEA number" required value={values.deaNumber} onChange={set('deaNumber')} error={errors.deaNumber} />
          <TextInput
            label="Registrant name"
            required
            value={values.registrantName}
            onChange={set('registrantName')}
            error={errors.registrantName}
          />
          <Textarea
            label="Registered address"
            required
            value={values.address}
            onChange={set('address')}
            error={errors.address}
            autosize
            minRows={2}
          />
          <TextInput
            label="Registration expires on"
            type="date"
            required
            value={values.expiresOn}
            onChange={set('expiresOn')}
            error={errors.expiresOn}
          />
        </SimpleGrid>
        {create.isError && <FormErrorAlert error={create.error} title="The registration was not saved" />}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Save registration
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Admin only: renew the registration (a new expiry entry), add a storage location, or add another registration. */
export function RegistrationAdmin({ registration }: { registration: Registration }) {
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Registration and storage (admin)
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <RenewForm registration={registration} />
        <AddLocationForm registration={registration} />
      </SimpleGrid>
      {adding ? (
        <Stack mt="md">
          <Title order={3} size="h5">
            Another DEA registration
          </Title>
          <CreateRegistrationForm onDone={() => setAdding(false)} />
        </Stack>
      ) : (
        <Group mt="md">
          <Button variant="subtle" size="xs" onClick={() => setAdding(true)}>
            Add another DEA registration
          </Button>
        </Group>
      )}
    </Card>
  );
}

function RenewForm({ registration }: { registration: Registration }) {
  const invalidate = useInvalidateLedger();
  const [expiresOn, setExpiresOn] = useState('');
  const renew = useMutation({
    mutationFn: () => renewRegistration(registration.id, { expiresOn }),
    onSuccess: async () => {
      setExpiresOn('');
      await invalidate();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        renew.mutate();
      }}
      noValidate
    >
      <Stack gap="xs">
        <TextInput
          label="Renewed until"
          type="date"
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.currentTarget.value)}
          error={fieldErrors(renew.error).expiresOn}
        />
        {renew.isError && <FormErrorAlert error={renew.error} title="The renewal was not saved" />}
        <Group>
          <Button type="submit" size="xs" loading={renew.isPending} disabled={!expiresOn}>
            Record renewal
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddLocationForm({ registration }: { registration: Registration }) {
  const invalidate = useInvalidateLedger();
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () => addLocation(registration.id, { name: name.trim() }),
    onSuccess: async () => {
      setName('');
      await invalidate();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
      noValidate
    >
      <Stack gap="xs">
        <TextInput
          label="New storage location"
          placeholder="Safe B, medication room"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldErrors(add.error).name}
        />
        {add.isError && <FormErrorAlert error={add.error} title="The location was not added" />}
        <Group>
          <Button type="submit" size="xs" loading={add.isPending} disabled={!name.trim()}>
            Add location
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
