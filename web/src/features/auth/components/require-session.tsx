import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { getMe, meQueryKey } from '../auth.api.ts';
import { SessionContext } from '../session-context.ts';
import { TotpSetupPage } from './totp-setup-page.tsx';

/** Loads GET /api/me; without a session goes to sign-in, with a pending TOTP requirement shows its setup. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });

  if (me.isPending) {
    return (
      <Center mih="100dvh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (me.isError) {
    if (isApiError(me.error, 401)) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
    return (
      <Center mih="100dvh" p="md">
        <Stack maw={420}>
          <Alert color="red" title="KetaClinic cannot load your account">
            {describeError(me.error)}
          </Alert>
          <Button onClick={() => me.refetch()}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  if (me.data.totpSetupRequired) return <TotpSetupPage me={me.data} />;
  return <SessionContext value={me.data}>{children}</SessionContext>;
}
