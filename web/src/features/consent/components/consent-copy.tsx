import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { formatDateTime, humanize } from '../../../lib/format.ts';
import { attestConsent, type ConsentRecord, consentKeys } from '../consent.api.ts';
import './consent-print.css';

/** The signed copy the patient keeps: text, signer, time, IP, hashes, attestation; prints alone (window.print). */
export function ConsentCopy({
  record,
  canAttest,
  onChange,
}: {
  record: ConsentRecord;
  canAttest: boolean;
  onChange: (r: ConsentRecord) => void;
}) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const attest = useMutation({
    mutationFn: () => attestConsent(record.patientId, record.id, note.trim() || undefined),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.patient(record.patientId) });
      onChange(updated);
    },
  });
  const attestation = record.attestations[0];
  const rows: [string, string][] = [
    ['Signed by', record.signerName],
    ['Capacity', record.signerCapacity === 'patient' ? 'Patient' : `Legal representative (${record.representativeRelationship ?? ''})`],
    ['Signed at', formatDateTime(record.signedAt)],
    ['Signed via', record.signedVia === 'portal' ? 'Patient portal' : 'Clinic tablet'],
    ['IP address', record.ip],
    ['Template', `${record.templateId}, version ${record.version}`],
    ['Discussion attested', attestation ? `${attestation.clinician.name}, ${formatDateTime(attestation.attestedAt)}` : 'Not yet'],
  ];
  return (
    <Stack className="consent-print" data-testid="consent-copy">
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>{record.title}</Title>
        <Badge color={record.recordHashValid ? 'green' : 'red'}>
          {record.recordHashValid ? 'Record hash verified' : 'Record hash mismatch'}
        </Badge>
      </Group>
      <Paper withBorder p="sm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {record.text}
        </Text>
      </Paper>
      <img
        src={record.signature}
        alt={`Signature of ${record.signerName}`}
        style={{ maxWidth: 300, width: '100%', border: '1px solid #dee2e6' }}
      />
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={180}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th>Text SHA-256</Table.Th>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }}>{record.textSha256}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Record SHA-256</Table.Th>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }} data-testid="record-hash">
                  {record.recordSha256}
                </Code>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group className="consent-no-print">
        <Button variant="default" onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      {canAttest && !attestation && (
        <Stack className="consent-no-print" gap="xs">
          <Textarea
            label="Attestation note (optional)"
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={1}
          />
          <Group>
            <Button onClick={() => attest.mutate()} loading={attest.isPending}>
              Attest discussion
            </Button>
          </Group>
          {attest.isError && <Alert color="red">{describeError(attest.error)}</Alert>}
          <Text size="xs" c="dimmed">
            Confirms that you discussed this consent ({humanize(record.routeGroup)}) with the signer.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
