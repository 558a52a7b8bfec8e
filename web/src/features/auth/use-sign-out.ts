import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { logout } from './auth.api.ts';
import type { SignInState } from './components/sign-in-page.tsx';

/** Ends the session on the server, forgets every cached answer (no patient data left behind) and shows sign-in. */
export function useSignOut(): (notice?: string) => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (notice?: string) => {
      try {
        await logout();
      } catch {
        // Already signed out or the server is unreachable: the screen must still leave the chart.
      }
      const state: SignInState = notice ? { notice } : {};
      navigate('/sign-in', { replace: true, state });
      queryClient.clear();
    },
    [navigate, queryClient],
  );
}
