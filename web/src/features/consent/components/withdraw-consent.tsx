import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { consentKeys, ROUTE_LABELS, type RouteGroup, withdrawConsent } from '../consent.api.ts';

/** Records a withdrawal with its reason; the route is blocked until a new signature. */
export function WithdrawConsent({ patientId, routeGroup, onDone }: { patientId: string; routeGroup: RouteGroup; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () => withdrawConsent(patientId, { routeGroup, reason: reason.trim() }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.patient(patientId) });
      onDone();
    },
  });
  return (
    <Stack gap="xs">
      <Textarea
        label={`Reason for withdrawing consent (${ROUTE_LABELS[routeGroup]})`}
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      {mutation.isError && <Alert color="red">{describeError(mutation.error)}</Alert>}
      <Group>
        <Button color="red" onClick={() => mutation.mutate()} disabled={reason.trim().length === 0} loading={mutation.isPending}>
          Withdraw consent
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
