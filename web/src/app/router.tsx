import { createBrowserRouter, Navigate } from 'react-router';
import { ClinicsPage } from '../features/admin/components/clinics-page.tsx';
import { UsersPage } from '../features/admin/components/users-page.tsx';
import { RequireSession } from '../features/auth/components/require-session.tsx';
import { SignInPage } from '../features/auth/components/sign-in-page.tsx';
import { useSession } from '../features/auth/session-context.ts';
import { NewPatientPage } from '../features/patients/components/new-patient-page.tsx';
import { PatientChartPage } from '../features/patients/components/patient-chart-page.tsx';
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
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'patients', element: <PatientListPage /> },
        { path: 'patients/new', element: <NewPatientPage /> },
        { path: 'patients/:patientId/:tab?', element: <PatientChartPage /> },
        { path: 'admin/users', element: <UsersPage /> },
        { path: 'admin/clinics', element: <ClinicsPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
