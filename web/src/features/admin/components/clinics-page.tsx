import { Alert, Badge, Button, Card, Center, Group, Loader, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { hasAnyRole, meQueryKey } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { NotFoundPage } from '../../shell/components/not-found-page.tsx';
import { adminKeys, type Clinic, type ClinicInput, createClinic, listClinics, updateClinic } from '../admin.api.ts';
import { ClinicForm } from './clinic-form.tsx';

const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function ClinicsPage() {
  const me = useSession();
  const queryClient = useQueryClient();
  const clinics = useQuery({ queryKey: adminKeys.clinics, queryFn: listClinics, enabled: hasAnyRole(me, ['admin']) });
  const [creating, creatingModal] = useDisclosure(false);
  const [editing, setEditing] = useState<Clinic | null>(null);

  // Clinic names, time zones and the idle timeout also live in /api/me.
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: adminKeys.clinics }), queryClient.invalidateQueries({ queryKey: meQueryKey })]);
  const create = async (input: ClinicInput) => {
    await createClinic(input);
    await refresh();
    creatingModal.close();
  };
  const update = (clinic: Clinic) => async (input: ClinicInput) => {
    await updateClinic(clinic.id, input);
    await refresh();
    setEditing(null);
  };

  if (!hasAnyRole(me, ['admin'])) return <NotFoundPage />;
  if (clinics.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading clinics" />
      </Center>
    );
  if (clinics.isError) return <Alert color="red">{describeError(clinics.error)}</Alert>;
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Clinics
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={creatingModal.open}>
          New clinic
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {clinics.data.items.map((clinic) => (
          <ClinicCard key={clinic.id} clinic={clinic} onEdit={() => setEditing(clinic)} />
        ))}
      </SimpleGrid>
      <Modal opened={creating} onClose={creatingModal.close} title="New clinic" size="lg">
        <ClinicForm submitLabel="Create clinic" onSubmit={create} onCancel={creatingModal.close} />
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={`Edit ${editing?.name ?? ''}`} size="lg">
        {editing && <ClinicForm clinic={editing} submitLabel="Save" onSubmit={update(editing)} onCancel={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

function ClinicCard({ clinic, onEdit }: { clinic: Clinic; onEdit: () => void }) {
  const hours = [...clinic.hours].sort((a, b) => a.day - b.day);
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{clinic.name}</Text>
          <Button size="xs" variant="subtle" onClick={onEdit}>
            Edit
          </Button>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {clinic.address || 'No address'}
        </Text>
        <Text size="sm">{clinic.phone || 'No phone'}</Text>
        <Text size="sm" c="dimmed">
          {clinic.timeZone}
        </Text>
        <Text size="sm">
          {hours.length === 0
            ? 'No opening hours set'
            : hours.map((entry) => `${WEEKDAY_SHORT[entry.day]} ${entry.opens}-${entry.closes}`).join(', ')}
        </Text>
        <Group gap={6}>
          <Badge variant="light" tt="none">
            Idle sign-out {clinic.settings.idleTimeoutMin} min
          </Badge>
          {clinic.settings.requireTotpForPhysiciansAndAdmins && (
            <Badge variant="light" color="blue" tt="none">
              TOTP required
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
