import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  type EntriesQuery,
  getStock,
  ledgerKeys,
  listDiscrepancies,
  listEntries,
  listLossTasks,
  listPrescribers,
  listRegistrations,
} from './ledger.api.ts';

/** React Query hooks for the ledger screens; the chosen registration lives in the URL (`?registration=`). */

export function useRegistrations() {
  return useQuery({ queryKey: ledgerKeys.registrations, queryFn: listRegistrations });
}

/** The registration the screens work on: the one named in the URL, else the first (most clinics have one). */
export function useSelectedRegistration() {
  const registrations = useRegistrations();
  const [params, setParams] = useSearchParams();
  const items = registrations.data?.items ?? [];
  const wanted = params.get('registration');
  const selected = items.find((r) => r.id === wanted) ?? items[0] ?? null;
  const select = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('registration', id);
        return next;
      },
      { replace: true },
    );
  return { registrations, items, selected, select };
}

export function useStock(registrationId: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.stock(registrationId ?? ''),
    queryFn: () => getStock(registrationId!),
    enabled: Boolean(registrationId),
  });
}

export function useEntries(registrationId: string | undefined, query: EntriesQuery) {
  return useQuery({
    queryKey: ledgerKeys.entries(registrationId ?? '', query),
    queryFn: () => listEntries(registrationId!, query),
    enabled: Boolean(registrationId),
  });
}

export function useDiscrepancies(registrationId: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.discrepancies(registrationId ?? ''),
    queryFn: () => listDiscrepancies(registrationId!),
    enabled: Boolean(registrationId),
  });
}

export function useLossTasks(registrationId: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.tasks(registrationId ?? ''),
    queryFn: () => listLossTasks(registrationId!),
    enabled: Boolean(registrationId),
  });
}

/** The physicians who may prescribe a take-home dispensing under this registration's clinic. */
export function usePrescribers(registrationId: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.prescribers(registrationId ?? ''),
    queryFn: () => listPrescribers(registrationId!),
    enabled: Boolean(registrationId),
  });
}

/** After any write: stock, entries, counts, discrepancies and tasks of that registration are stale. */
export function useInvalidateLedger() {
  const queryClient = useQueryClient();
  return (registrationId?: string) =>
    queryClient.invalidateQueries({ queryKey: registrationId ? ledgerKeys.registration(registrationId) : ledgerKeys.all });
}
