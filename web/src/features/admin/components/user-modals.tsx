import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import { adminKeys, type Clinic, createUser, type NewUserInput, type User, updateUser } from '../admin.api.ts';
import { RoleGrantsInput } from './role-grants-input.tsx';

export function NewUserModal({ clinics, opened, onClose }: { clinics: Clinic[]; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<NewUserInput>({
    initialValues: { email: '', name: '', password: '', roles: [] },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email'),
      name: (value) => (value.trim() ? null : 'Enter the name'),
      password: (value) => (value.length >= 12 ? null : 'At least 12 characters'),
    },
  });
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      form.reset();
      onClose();
    },
    onError: (error) => isApiError(error, 400) && form.setErrors(toFormErrors(error.fieldIssues)),
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New user" size="lg">
      <form
        onSubmit={form.onSubmit((values) => create.mutate({ ...values, email: values.email.trim(), name: values.name.trim() }))}
        noValidate
      >
        <Stack>
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" required autoComplete="off" {...form.getInputProps('email')} />
          <PasswordInput
            label="Initial password"
            description="At least 12 characters."
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <RoleGrantsInput
            clinics={clinics}
            value={form.values.roles}
            onChange={(roles) => form.setFieldValue('roles', roles)}
            error={form.errors.roles as string | undefined}
          />
          {create.isError && <FormErrorAlert error={create.error} title="The user was not created" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Rename or change a user's roles; opened with the user to edit, closed with null. */
export function EditUserModal({ clinics, user, onClose }: { clinics: Clinic[]; user: User; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { name: user.name, roles: user.roles } });
  const save = useMutation({
    mutationFn: (values: { name: string; roles: User['roles'] }) => updateUser(user.id, { name: values.name.trim(), roles: values.roles }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      onClose();
    },
    onError: (error) => isApiError(error, 400) && form.setErrors(toFormErrors(error.fieldIssues)),
  });
  return (
    <Modal opened onClose={onClose} title={`Edit ${user.name}`} size="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <RoleGrantsInput clinics={clinics} value={form.values.roles} onChange={(roles) => form.setFieldValue('roles', roles)} />
          {save.isError && <FormErrorAlert error={save.error} title="Not saved" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
