import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from '../features/auth/components/require-session.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { useSession } from '../features/auth/session-context.ts';
import { PatientListPage } from '../features/patients/components/patient-list-page.tsx';
import { AppLayout } from '../features/shell/components/app-layout.tsx';
import { NotFoundPage } from '../features/shell/components/not-found-page.tsx';
import { homePath } from '../features/shell/nav-items.ts';

function HomeRedirect() {
  return <Navigate to={homePath(useSession())} replace />;
}

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/self-check',
      lazy: async () => ({ Component: (await import('../features/candidacy/components/self-check-page.tsx')).SelfCheckPage }),
    },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'patients', element: <PatientListPage /> },
        { path: 'leads', lazy: async () => ({ Component: (await import('../features/candidacy/components/leads-page.tsx')).LeadsPage }) },
        // The chart (with its charting library), registration and administration load when first opened.
        {
          path: 'patients/new',
          lazy: async () => ({ Component: (await import('../features/patients/components/new-patient-page.tsx')).NewPatientPage }),
        },
        {
          path: 'patients/:patientId/:tab?',
          lazy: async () => ({ Component: (await import('../features/patients/components/patient-chart-page.tsx')).PatientChartPage }),
        },
        {
          path: 'dosing',
          lazy: async () => ({ Component: (await import('../features/pharmacology/components/dosing-page.tsx')).DosingPage }),
        },
        // The controlled-substance ledger (issue 5): stock, transaction forms, counts, reports.
        { path: 'ledger', lazy: async () => ({ Component: (await import('../features/ledger/components/stock-page.tsx')).StockPage }) },
        {
          path: 'ledger/new/:kind?',
          lazy: async () => ({ Component: (await import('../features/ledger/components/transaction-page.tsx')).TransactionPage }),
        },
        {
          path: 'ledger/count',
          lazy: async () => ({ Component: (await import('../features/ledger/components/count-page.tsx')).CountPage }),
        },
        {
          path: 'ledger/reports',
          lazy: async () => ({ Component: (await import('../features/ledger/components/reports-page.tsx')).ReportsPage }),
        },
        {
          path: 'admin/drug-library',
          lazy: async () => ({ Component: (await import('../features/pharmacology/components/drug-library-page.tsx')).DrugLibraryPage }),
        },
        {
          path: 'admin/consent-templates',
          lazy: async () => ({
            Component: (await import('../features/consent/components/consent-templates-page.tsx')).ConsentTemplatesPage,
          }),
        },
        { path: 'admin/users', lazy: async () => ({ Component: (await import('../features/admin/components/users-page.tsx')).UsersPage }) },
        {
          path: 'admin/clinics',
          lazy: async () => ({ Component: (await import('../features/admin/components/clinics-page.tsx')).ClinicsPage }),
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
