import { Alert, Button, Checkbox, List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import type { SelfCheckAnswer, SelfCheckContact } from '../candidacy.api.ts';

interface ContactDraft {
  name: string;
  phone: string;
  email: string;
  preferredTimes: string;
  consentToContact: boolean;
}

function validateContact(values: ContactDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Enter your name';
  if (!values.phone.trim() && !values.email.trim()) errors.phone = 'Enter a phone number or an email address';
  if (values.email.trim() && !/^\S+@\S+\.\S+$/.test(values.email.trim())) errors.email = 'Enter a valid email address';
  if (!values.consentToContact) errors.consentToContact = 'Tick the box so the clinic may contact you';
  return errors;
}

function toContact(values: ContactDraft): SelfCheckContact {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const phone = optional(values.phone);
  const email = optional(values.email);
  const preferredTimes = optional(values.preferredTimes);
  return {
    name: values.name.trim(),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(preferredTimes ? { preferredTimes } : {}),
    consentToContact: values.consentToContact,
  };
}

/** What the self-check found, in plain words (never a diagnosis), and the consultation request. */
export function SelfCheckResult({
  answer,
  onRequest,
  requesting,
  requestError,
  requested,
}: {
  answer: SelfCheckAnswer;
  onRequest: (contact: SelfCheckContact) => Promise<unknown>;
  requesting: boolean;
  requestError: unknown;
  requested: boolean;
}) {
  const form = useForm<ContactDraft>({
    initialValues: { name: '', phone: '', email: '', preferredTimes: '', consentToContact: false },
    validate: validateContact,
  });
  const submit = async (values: ContactDraft) => {
    try {
      await onRequest(toContact(values));
    } catch (error) {
      // The alert below says why; a field problem is also shown on its field.
      if (isApiError(error, 400)) form.setErrors(toFormErrors(error.fieldIssues, (path) => path.replace(/^(body\.)?contact\./, '')));
    }
  };
  const suitable = answer.assessment.outcome === 'worth_discussing';
  return (
    <Stack>
      <Alert
        color={suitable ? 'teal' : 'orange'}
        icon={<IconInfoCircle />}
        role="status"
        title={suitable ? 'Worth discussing with a clinician' : 'Likely not suitable'}
      >
        <Stack gap="xs">
          <Text size="sm">
            {suitable
              ? 'From what you told us, ketamine treatment is worth discussing with a clinician.'
              : 'From what you told us, ketamine treatment is likely not suitable because:'}
          </Text>
          <List size="sm" spacing={4}>
            {answer.assessment.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            This is not a diagnosis. Only a physician can decide after a consultation.
          </Text>
        </Stack>
      </Alert>
      {requested ? (
        <Alert color="teal" icon={<IconCircleCheck />} role="status" title="Request sent">
          Thank you. The clinic will contact you to arrange a consultation.
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            <Title order={2} size="h4">
              Request a consultation
            </Title>
            <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
            <TextInput label="Phone" type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
            <TextInput label="Email" type="email" autoComplete="email" {...form.getInputProps('email')} />
            <Textarea
              label="When can we reach you? (optional)"
              autosize
              minRows={2}
              maxLength={200}
              {...form.getInputProps('preferredTimes')}
            />
            <Checkbox
              label="You may contact me and keep my answers for a clinician"
              {...form.getInputProps('consentToContact', { type: 'checkbox' })}
            />
            {requestError !== null && <FormErrorAlert error={requestError} title="The request was not sent" />}
            <Button type="submit" loading={requesting}>
              Request a consultation
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
