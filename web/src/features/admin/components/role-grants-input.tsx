import { Chip, Group, Stack, Text } from '@mantine/core';
import type { Clinic, RoleGrant, StaffRole } from '../admin.api.ts';

const STAFF_ROLES: { value: StaffRole; label: string }[] = [
  { value: 'physician', label: 'Physician' },
  { value: 'nurse', label: 'Nurse' },
  { value: 'front_desk', label: 'Front desk' },
  { value: 'admin', label: 'Admin' },
];

export const roleLabel = (role: string) => STAFF_ROLES.find((candidate) => candidate.value === role)?.label ?? role;

/** Roles are granted per clinic: one row of role chips for each clinic of the organization. */
export function RoleGrantsInput(props: { clinics: Clinic[]; value: RoleGrant[]; onChange: (grants: RoleGrant[]) => void; error?: string }) {
  const rolesAt = (clinicId: string) => props.value.filter((grant) => grant.clinicId === clinicId).map((grant) => grant.role);
  const setRolesAt = (clinicId: string, roles: string[]) =>
    props.onChange([
      ...props.value.filter((grant) => grant.clinicId !== clinicId),
      ...roles.map((role) => ({ clinicId, role: role as StaffRole })),
    ]);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Roles per clinic
      </Text>
      {props.clinics.map((clinic) => (
        <div key={clinic.id}>
          <Text size="xs" c="dimmed" mb={4}>
            {clinic.name}
          </Text>
          <Chip.Group multiple value={rolesAt(clinic.id)} onChange={(roles) => setRolesAt(clinic.id, roles)}>
            <Group gap={6}>
              {STAFF_ROLES.map((role) => (
                <Chip key={role.value} value={role.value} size="xs">
                  {role.label}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
      ))}
      {props.error && (
        <Text size="xs" c="red">
          {props.error}
        </Text>
      )}
    </Stack>
  );
}
