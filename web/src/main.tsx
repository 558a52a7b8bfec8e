import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { createAppQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import { meQueryKey } from './features/auth/auth.api.ts';
import type { SignInState } from './features/auth/components/sign-in-page.tsx';
import { setUnauthorizedListener } from './lib/api-client.ts';

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'md' });
const queryClient = createAppQueryClient();
const router = createAppRouter();

// A 401 from any call means the session is gone (expired, revoked, signed out in another tab): back to sign-in.
setUnauthorizedListener(() => {
  const { pathname, search } = router.state.location;
  if (pathname === '/sign-in') return;
  const hadSession = queryClient.getQueryData(meQueryKey) !== undefined;
  const state: SignInState = { from: pathname + search, ...(hadSession ? { notice: 'Your session has ended. Sign in again.' } : {}) };
  void router.navigate('/sign-in', { replace: true, state }).then(() => queryClient.clear());
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
