import { createContext, useContext } from 'react';
import type { Me } from './auth.api.ts';

/** The signed-in user, provided by `RequireSession` to every screen behind sign-in. */
export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession must be used inside RequireSession');
  return me;
}
