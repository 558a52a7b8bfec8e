import { Alert, Button, Group, Paper, ScrollArea, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../../lib/api-client.ts';
import { type ConsentRecord, type ConsentTemplateVersion, consentKeys, type SignerCapacity, signConsent } from '../consent.api.ts';
import { SignaturePad } from './signature-pad.tsx';

interface Props {
  patientId: string;
  template: ConsentTemplateVersion;
  onSigned: (record: ConsentRecord) => void;
  onCancel: () => void;
}

/** Read the current text, type the full name, choose the capacity, draw, sign (issue 4, item 4). */
export function SignConsentForm({ patientId, template, onSigned, onCancel }: Props) {
  const queryClient = useQueryClient();
  const [signerName, setSignerName] = useState('');
  const [capacity, setCapacity] = useState<SignerCapacity>('patient');
  const [relationship, setRelationship] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      signConsent(patientId, {
        templateId: template.templateId,
        version: template.version,
        textSha256: template.textSha256,
        signerName,
        signerCapacity: capacity,
        ...(capacity === 'legal_representative' ? { representativeRelationship: relationship } : {}),
        signature: signature ?? '',
      }),
    onSuccess: async (record) => {
      await queryClient.invalidateQueries({ queryKey: consentKeys.patient(patientId) });
      onSigned(record);
    },
  });
  const ready = signerName.trim().length >= 2 && signature !== null && (capacity === 'patient' || relationship.trim().length > 0);

  return (
    <Stack>
      <Title order={3}>
        {template.title}{' '}
        <Text span c="dimmed" size="sm">
          (version {template.version})
        </Text>
      </Title>
      <Paper withBorder p="sm">
        <ScrollArea.Autosize mah={360} type="always" aria-label="Consent text">
          <Text style={{ whiteSpace: 'pre-wrap' }} size="sm" data-testid="consent-text">
            {template.body}
          </Text>
        </ScrollArea.Autosize>
      </Paper>
      <SegmentedControl
        value={capacity}
        onChange={(value) => setCapacity(value as SignerCapacity)}
        data={[
          { value: 'patient', label: 'I am the patient' },
          { value: 'legal_representative', label: 'Legal representative' },
        ]}
      />
      <TextInput
        label="Full name of the person signing"
        required
        value={signerName}
        onChange={(e) => setSignerName(e.currentTarget.value)}
      />
      {capacity === 'legal_representative' && (
        <TextInput
          label="Relationship to the patient"
          placeholder="e.g. parent, guardian, attorney-in-fact"
          required
          value={relationship}
          onChange={(e) => setRelationship(e.currentTarget.value)}
        />
      )}
      <SignaturePad onChange={setSignature} />
      {mutation.isError && <Alert color="red">{describeError(mutation.error)}</Alert>}
      <Group>
        <Button onClick={() => mutation.mutate()} disabled={!ready} loading={mutation.isPending}>
          Sign consent
        </Button>
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
