import { Alert, Badge, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { hasAnyRole } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { NotFoundPage } from '../../shell/components/not-found-page.tsx';
import { adminKeys, type Clinic, listClinics, listUsers, type User, updateUser } from '../admin.api.ts';
import { roleLabel } from './role-grants-input.tsx';
import { EditUserModal, NewUserModal } from './user-modals.tsx';

export function UsersPage() {
  const me = useSession();
  const users = useQuery({ queryKey: adminKeys.users, queryFn: listUsers, enabled: hasAnyRole(me, ['admin']) });
  const clinics = useQuery({ queryKey: adminKeys.clinics, queryFn: listClinics, enabled: hasAnyRole(me, ['admin']) });
  const [creating, creatingModal] = useDisclosure(false);
  const [editing, setEditing] = useState<User | null>(null);

  if (!hasAnyRole(me, ['admin'])) return <NotFoundPage />;
  if (users.isPending || clinics.isPending)
    return (
      <Center py="xl">
        <Loader aria-label="Loading users" />
      </Center>
    );
  if (users.isError || clinics.isError) return <Alert color="red">{describeError(users.error ?? clinics.error)}</Alert>;

  const clinicList = clinics.data.items;
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Users
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={creatingModal.open}>
          New user
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Roles</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.items.map((user) => (
              <UserRow key={user.id} user={user} clinics={clinicList} onEdit={() => setEditing(user)} isSelf={user.id === me.user.id} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <NewUserModal clinics={clinicList} opened={creating} onClose={creatingModal.close} />
      {editing && <EditUserModal clinics={clinicList} user={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function UserRow({ user, clinics, onEdit, isSelf }: { user: User; clinics: Clinic[]; onEdit: () => void; isSelf: boolean }) {
  const queryClient = useQueryClient();
  const clinicName = (id: string) => clinics.find((clinic) => clinic.id === id)?.name ?? 'another clinic';
  const setActive = useMutation({
    mutationFn: (active: boolean) => updateUser(user.id, { active }),
    onSuccess: (updated) => {
      notifications.show({ message: `${updated.name} is ${updated.active ? 'active again' : 'deactivated'}.` });
      return queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) }),
  });
  const toggleActive = () => {
    if (user.active && !window.confirm(`Deactivate ${user.name}? They are signed out and can no longer sign in.`)) return;
    setActive.mutate(!user.active);
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {user.name}
        </Text>
        {user.patientId && (
          <Text size="xs" c="dimmed">
            Patient account
          </Text>
        )}
      </Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {user.roles.map((grant) => (
            <Badge key={`${grant.clinicId}:${grant.role}`} variant="light" size="sm" tt="none">
              {roleLabel(grant.role)} · {clinicName(grant.clinicId)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={user.active ? undefined : 'dimmed'}>
          {user.active ? 'Active' : 'Deactivated'}
        </Text>
        <Text size="xs" c="dimmed">
          {user.totpEnabled ? 'Authenticator app on' : 'No authenticator app'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="subtle" onClick={onEdit}>
            Edit
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color={user.active ? 'red' : 'teal'}
            onClick={toggleActive}
            loading={setActive.isPending}
            disabled={isSelf}
          >
            {user.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
