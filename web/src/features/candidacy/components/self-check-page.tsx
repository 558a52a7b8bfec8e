import { Alert, Anchor, Button, Center, Group, Loader, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { toFormErrors } from '../../../lib/form-errors.ts';
import { candidacyKeys, listPublicClinics, type SelfCheckAnswer, type SelfCheckContact, submitSelfCheck } from '../candidacy.api.ts';
import {
  emptySelfCheckDraft,
  parseSelfCheckDraft,
  SELF_CHECK_STEP_FIELDS,
  type SelfCheckDraft,
  stepErrors,
  toDraftPath,
  validateSelfCheckDraft,
} from '../self-check-draft.ts';
import { ExclusionsStep } from './exclusions-step.tsx';
import { SelfCheckResult } from './self-check-result.tsx';
import { ClinicStep, EffectStep, PainStep, TreatmentsStep } from './self-check-steps.tsx';

const STEP_LABELS = ['Clinic', 'Your pain', 'Treatments', 'Effects', 'Health'];
const LAST_STEP = SELF_CHECK_STEP_FIELDS.length - 1;

function describeSubmitError(error: unknown): string | null {
  if (isApiError(error, 429)) return 'Too many checks from this connection. Wait a few minutes and try again.';
  return null;
}

/** The public candidacy self-check (no sign-in): five short steps, a plain-language result, a consultation request. */
export function SelfCheckPage() {
  const clinics = useQuery({ queryKey: candidacyKeys.clinics, queryFn: listPublicClinics });
  const [step, setStep] = useState(0);
  const [answer, setAnswer] = useState<SelfCheckAnswer | null>(null);
  const form = useForm<SelfCheckDraft>({ initialValues: emptySelfCheckDraft() });

  const showStepErrors = (target: number) => {
    const errors = stepErrors(validateSelfCheckDraft(form.values), target);
    form.setErrors(errors);
    return Object.keys(errors).length === 0;
  };
  const onServerError = (error: unknown) => {
    if (!isApiError(error, 400)) return;
    const errors = toFormErrors(error.fieldIssues, toDraftPath);
    form.setErrors(errors);
    const firstStep = SELF_CHECK_STEP_FIELDS.findIndex((_, index) => Object.keys(stepErrors(errors, index)).length > 0);
    if (firstStep >= 0) setStep(firstStep);
  };

  const check = useMutation({ mutationFn: submitSelfCheck, onSuccess: setAnswer, onError: onServerError });
  const request = useMutation({ mutationFn: submitSelfCheck });

  const next = () => {
    if (!showStepErrors(step)) return;
    if (step < LAST_STEP) {
      setStep(step + 1);
      // A long step on a phone: the next one starts at its first question.
      window.scrollTo({ top: 0 });
      return;
    }
    const all = validateSelfCheckDraft(form.values);
    const firstStep = SELF_CHECK_STEP_FIELDS.findIndex((_, index) => Object.keys(stepErrors(all, index)).length > 0);
    if (firstStep >= 0) {
      form.setErrors(all);
      setStep(firstStep);
      return;
    }
    check.mutate({ clinicId: form.values.clinicId, answers: parseSelfCheckDraft(form.values) });
  };
  const requestConsultation = (contact: SelfCheckContact) =>
    request.mutateAsync({ clinicId: form.values.clinicId, answers: parseSelfCheckDraft(form.values), contact });

  const clinicName = clinics.data?.find((clinic) => clinic.id === form.values.clinicId)?.name;
  return (
    <Center p={{ base: 'xs', sm: 'md' }} bg="gray.0" mih="100dvh" style={{ alignItems: 'flex-start' }}>
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md" w="100%" maw={760}>
        <Stack>
          <div>
            <Title order={1} size="h2">
              Could ketamine treatment suit you?
            </Title>
            <Text c="dimmed" size="sm">
              A short check{clinicName ? ` for ${clinicName}` : ''}. It takes about five minutes and is not a diagnosis.
            </Text>
          </div>
          {clinics.isPending && <Loader aria-label="Loading clinics" />}
          {clinics.isError && (
            <Alert color="red" role="alert">
              {describeError(clinics.error)}
            </Alert>
          )}
          {clinics.data && answer === null && (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                next();
              }}
            >
              <Stack>
                <Stepper
                  active={step}
                  size="xs"
                  visibleFrom="sm"
                  onStepClick={(target) => target < step && setStep(target)}
                  allowNextStepsSelect={false}
                >
                  {STEP_LABELS.map((label) => (
                    <Stepper.Step key={label} label={label} />
                  ))}
                </Stepper>
                <Text hiddenFrom="sm" size="sm" fw={500}>
                  Step {step + 1} of {STEP_LABELS.length}: {STEP_LABELS[step]}
                </Text>
                {step === 0 && <ClinicStep form={form} clinics={clinics.data} />}
                {step === 1 && <PainStep form={form} />}
                {step === 2 && <TreatmentsStep form={form} />}
                {step === 3 && <EffectStep form={form} />}
                {step === 4 && <ExclusionsStep form={form} />}
                {check.isError && !isApiError(check.error, 400) && (
                  <Alert color="red" role="alert" title="Your answers were not checked">
                    {describeSubmitError(check.error) ?? describeError(check.error)}
                  </Alert>
                )}
                {check.isError && isApiError(check.error, 400) && <FormErrorAlert error={check.error} title="Some answers need a look" />}
                <Group justify="space-between">
                  <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
                    Back
                  </Button>
                  <Button type="submit" loading={check.isPending}>
                    {step === LAST_STEP ? 'See the result' : 'Next'}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {answer && (
            <SelfCheckResult
              answer={answer}
              onRequest={requestConsultation}
              requesting={request.isPending}
              requestError={request.isError ? request.error : null}
              requested={request.data?.consultationRequested === true}
            />
          )}
          <Text size="xs" c="dimmed">
            Clinic staff?{' '}
            <Anchor component={Link} to="/sign-in">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
