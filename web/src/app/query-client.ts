import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../features/auth/auth.api.ts';
import { isApiError } from '../lib/api-client.ts';

/**
 * Client errors (4xx) are answers, not glitches: retrying them only delays the message the user needs.
 * When the clinic starts requiring TOTP mid-session, calls answer 403 `auth.totp_setup_required`; reloading
 * /api/me then shows the setup screen instead of a page of errors.
 */
export function createAppQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error, 403) && error.code === 'auth.totp_setup_required') void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
