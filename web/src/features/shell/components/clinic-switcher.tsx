import { Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { describeError } from '../../../lib/api-client.ts';
import { type Me, meQueryKey, setActiveClinic } from '../../auth/auth.api.ts';
import { useSession } from '../../auth/session-context.ts';
import { homePath } from '../nav-items.ts';

/** Switches the clinic the user works in; every cached answer belongs to the old clinic, so all are refetched. */
export function ClinicSwitcher() {
  const me = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const switchClinic = useMutation({
    mutationFn: setActiveClinic,
    onSuccess: async (updated) => {
      queryClient.setQueryData<Me>(meQueryKey, updated);
      // A chart belongs to the clinic it was opened in; the new clinic starts at its own list.
      if (/^\/patients\/(?!new$)[^/]+/.test(location.pathname)) navigate(homePath(updated));
      await queryClient.invalidateQueries();
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Clinic not switched', message: describeError(error) }),
  });

  if (me.clinics.length === 0) return null;
  if (me.clinics.length === 1)
    return (
      <Text size="sm" fw={500} truncate>
        {me.clinics[0]?.name}
      </Text>
    );
  return (
    <Select
      aria-label="Active clinic"
      data={me.clinics.map((clinic) => ({ value: clinic.id, label: clinic.name }))}
      value={me.activeClinicId}
      onChange={(clinicId) => clinicId && clinicId !== me.activeClinicId && switchClinic.mutate(clinicId)}
      allowDeselect={false}
      disabled={switchClinic.isPending}
      w={{ base: '100%', sm: 320 }}
      comboboxProps={{ width: 'target' }}
      size="sm"
    />
  );
}
