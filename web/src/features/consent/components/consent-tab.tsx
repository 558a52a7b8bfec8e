import { Alert, Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { ChartTabProps } from '../../patients/chart-tabs.ts';
import {
  type ConsentRecord,
  consentKeys,
  getConsentRecord,
  getPatientConsents,
  listConsentTemplates,
  ROUTE_LABELS,
  type RouteGroup,
} from '../consent.api.ts';
import { CONSENT_ATTEST_ROLES, CONSENT_WITHDRAW_ROLES, chartRoles, STATUS_BADGE } from '../consent-roles.ts';
import { ConsentCopy } from './consent-copy.tsx';
import { SignConsentForm } from './sign-consent-form.tsx';
import { WithdrawConsent } from './withdraw-consent.tsx';

type View =
  | { kind: 'list' }
  | { kind: 'sign'; templateId: string }
  | { kind: 'copy'; record: ConsentRecord }
  | { kind: 'withdraw'; routeGroup: RouteGroup };

/** Consent per route (status badges), signing, the signed copy, attestation and withdrawal: chart tab and portal page. */
export function ConsentTab({ patient, me }: ChartTabProps) {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [openError, setOpenError] = useState<string | null>(null);
  const roles = chartRoles(me, patient.id);
  const consents = useQuery({ queryKey: consentKeys.patient(patient.id), queryFn: () => getPatientConsents(patient.id) });
  const templates = useQuery({ queryKey: consentKeys.templates, queryFn: listConsentTemplates });
  if (consents.isPending || templates.isPending)
    return (
      <Center py="lg">
        <Loader aria-label="Loading consents" />
      </Center>
    );
  if (consents.isError) return <Alert color="red">{describeError(consents.error)}</Alert>;
  if (templates.isError) return <Alert color="red">{describeError(templates.error)}</Alert>;

  const openCopy = async (signatureId: string) => {
    try {
      setOpenError(null);
      setView({ kind: 'copy', record: await getConsentRecord(patient.id, signatureId) });
    } catch (error) {
      setOpenError(describeError(error));
    }
  };
  const back = () => setView({ kind: 'list' });

  if (view.kind === 'sign') {
    const template = templates.data.items.find((t) => t.templateId === view.templateId && t.isCurrent);
    if (template)
      return (
        <SignConsentForm
          patientId={patient.id}
          template={template}
          onSigned={(record) => setView({ kind: 'copy', record })}
          onCancel={back}
        />
      );
  }
  if (view.kind === 'copy')
    return (
      <Stack>
        <Group className="consent-no-print">
          <Button variant="subtle" onClick={back}>
            Back to consents
          </Button>
        </Group>
        <ConsentCopy
          record={view.record}
          canAttest={roles.some((r) => CONSENT_ATTEST_ROLES.includes(r))}
          onChange={(record) => setView({ kind: 'copy', record })}
        />
      </Stack>
    );
  if (view.kind === 'withdraw') return <WithdrawConsent patientId={patient.id} routeGroup={view.routeGroup} onDone={back} />;

  const canWithdraw = roles.some((r) => CONSENT_WITHDRAW_ROLES.includes(r));
  return (
    <Stack>
      {openError && <Alert color="red">{openError}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {consents.data.routes.map((route) => {
          const badge = STATUS_BADGE[route.status];
          return (
            <Card withBorder key={route.routeGroup} data-testid={`consent-route-${route.routeGroup}`}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Text fw={600}>{ROUTE_LABELS[route.routeGroup]}</Text>
                  <Text size="sm" c="dimmed">
                    {route.title} (version {route.currentVersion})
                  </Text>
                </Stack>
                <Badge color={badge.color}>{badge.label}</Badge>
              </Group>
              {route.lastSignature && (
                <Text size="xs" mt="xs">
                  Last signed {formatDateTime(route.lastSignature.signedAt)} (version {route.lastSignature.version})
                </Text>
              )}
              {route.status === 'withdrawn' && route.lastWithdrawal && (
                <Text size="xs" c="red" mt="xs">
                  Withdrawn {formatDateTime(route.lastWithdrawal.withdrawnAt)}: {route.lastWithdrawal.reason}
                </Text>
              )}
              <Group mt="sm" gap="xs">
                {route.status !== 'current' && (
                  <Button size="xs" onClick={() => setView({ kind: 'sign', templateId: route.templateId })}>
                    {route.status === 'missing' ? 'Read and sign' : 'Read and sign again'}
                  </Button>
                )}
                {route.lastSignature && (
                  <Button size="xs" variant="default" onClick={() => openCopy(route.lastSignature!.id)}>
                    Signed copy
                  </Button>
                )}
                {canWithdraw && route.status === 'current' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setView({ kind: 'withdraw', routeGroup: route.routeGroup })}
                  >
                    Withdraw consent
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </SimpleGrid>
      {consents.data.signatures.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Signed</Table.Th>
                <Table.Th>Route</Table.Th>
                <Table.Th>Signer</Table.Th>
                <Table.Th>Attested</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.data.signatures.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDateTime(s.signedAt)}</Table.Td>
                  <Table.Td>
                    {ROUTE_LABELS[s.routeGroup]} v{s.version}
                  </Table.Td>
                  <Table.Td>{s.signerName}</Table.Td>
                  <Table.Td>{s.attested ? 'Yes' : 'No'}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="default" onClick={() => openCopy(s.id)}>
                      Open
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
