import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../../lib/api-client.ts';
import { getMe, login, loginWithTotp, meQueryKey } from '../auth.api.ts';

/** What other screens pass to the sign-in page: why the user is here and where to go back to. */
export interface SignInState {
  notice?: string;
  from?: string;
}

function describeLoginError(error: unknown, step: 'password' | 'totp'): string {
  if (isApiError(error, 429)) return 'Too many attempts, wait a minute.';
  if (isApiError(error, 401) && step === 'password') return 'Email or password is wrong.';
  if (isApiError(error, 401) || isApiError(error, 400))
    return 'That code is not right. Check the time on your phone and enter the current code.';
  return isApiError(error) ? error.message : 'Signing in failed. Try again.';
}

export function SignInPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = (location.state ?? {}) as SignInState;
  const [step, setStep] = useState<'password' | 'totp'>('password');

  const credentials = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });
  const totp = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^\s*\d{6}\s*$/.test(value) ? null : 'Enter the 6-digit code') },
  });

  const enterApp = async () => {
    await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 0 });
    navigate(state.from && state.from !== '/sign-in' ? state.from : '/', { replace: true });
  };

  const passwordStep = useMutation({
    mutationFn: login,
    onSuccess: async (answer) => {
      if (answer.twoFactorRequired) setStep('totp');
      else await enterApp();
    },
  });
  const totpStep = useMutation({ mutationFn: loginWithTotp, onSuccess: enterApp });

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={400}>
        <Stack>
          <div>
            <Title order={1} size="h2">
              KetaClinic
            </Title>
            <Text c="dimmed" size="sm">
              Sign in to continue
            </Text>
          </div>
          {state.notice && (
            <Alert icon={<IconInfoCircle />} color="blue" role="status">
              {state.notice}
            </Alert>
          )}
          {step === 'password' ? (
            <form
              onSubmit={credentials.onSubmit((values) => passwordStep.mutate({ email: values.email.trim(), password: values.password }))}
            >
              <Stack>
                <TextInput label="Email" type="email" autoComplete="username" autoFocus {...credentials.getInputProps('email')} />
                <PasswordInput label="Password" autoComplete="current-password" {...credentials.getInputProps('password')} />
                {passwordStep.isError && (
                  <Alert color="red" role="alert">
                    {describeLoginError(passwordStep.error, 'password')}
                  </Alert>
                )}
                <Button type="submit" loading={passwordStep.isPending}>
                  Sign in
                </Button>
              </Stack>
            </form>
          ) : (
            <form onSubmit={totp.onSubmit((values) => totpStep.mutate({ code: values.code.trim() }))}>
              <Stack>
                <Text size="sm">Enter the 6-digit code from your authenticator app.</Text>
                <TextInput
                  label="Authentication code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  autoFocus
                  required
                  {...totp.getInputProps('code')}
                />
                {totpStep.isError && (
                  <Alert color="red" role="alert">
                    {describeLoginError(totpStep.error, 'totp')}
                  </Alert>
                )}
                <Button type="submit" loading={totpStep.isPending}>
                  Verify
                </Button>
                <Button variant="subtle" onClick={() => setStep('password')}>
                  Use another account
                </Button>
              </Stack>
            </form>
          )}
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/self-check">
              New patient? Check whether ketamine treatment might suit you
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
