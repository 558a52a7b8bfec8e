import { Alert, Button, Center, Code, CopyButton, Group, List, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError, isApiError } from '../../../lib/api-client.ts';
import { confirmTotp, enableTotp, type Me, meQueryKey } from '../auth.api.ts';
import { useSignOut } from '../use-sign-out.ts';

/** Shown instead of the app when the clinic requires two-step sign-in for this user's role and it is not set up. */
export function TotpSetupPage({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const passwordForm = useForm({ initialValues: { password: '' } });
  const codeForm = useForm({ initialValues: { code: '' } });

  const enable = useMutation({ mutationFn: enableTotp });
  const confirm = useMutation({
    mutationFn: confirmTotp,
    onSuccess: (updated) => queryClient.setQueryData<Me>(meQueryKey, updated),
  });

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={520}>
        <Stack>
          <Title order={1} size="h3">
            Set up two-step sign-in
          </Title>
          <Text size="sm">
            Your clinic requires an authenticator app for your role, {me.user.name}. Confirm your password to get a setup key.
          </Text>
          {!enable.data ? (
            <form onSubmit={passwordForm.onSubmit((values) => enable.mutate(values))}>
              <Stack>
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  autoFocus
                  required
                  {...passwordForm.getInputProps('password')}
                />
                {enable.isError && (
                  <Alert color="red" role="alert">
                    {isApiError(enable.error, 401) ? 'The password is wrong.' : describeError(enable.error)}
                  </Alert>
                )}
                <Button type="submit" loading={enable.isPending}>
                  Get setup key
                </Button>
              </Stack>
            </form>
          ) : (
            <Stack>
              <Text size="sm">
                Add this key to your authenticator app (most apps accept it pasted as a link or scanned from another device):
              </Text>
              <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {enable.data.totpUri}
              </Code>
              <CopyButton value={enable.data.totpUri}>
                {({ copied, copy }) => (
                  <Button variant="light" size="xs" onClick={copy} w="fit-content">
                    {copied ? 'Copied' : 'Copy key'}
                  </Button>
                )}
              </CopyButton>
              <Text size="sm" fw={600}>
                Backup codes: store them somewhere safe now; they are shown only once.
              </Text>
              <List spacing={2} size="sm" ff="monospace">
                {enable.data.backupCodes.map((code) => (
                  <List.Item key={code}>{code}</List.Item>
                ))}
              </List>
              <form onSubmit={codeForm.onSubmit((values) => confirm.mutate({ code: values.code.trim() }))}>
                <Stack>
                  <TextInput
                    label="Code from the app"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    required
                    {...codeForm.getInputProps('code')}
                  />
                  {confirm.isError && (
                    <Alert color="red" role="alert">
                      {isApiError(confirm.error, 400) || isApiError(confirm.error, 401)
                        ? 'That code is not right. Check the time on your phone and try the current code.'
                        : describeError(confirm.error)}
                    </Alert>
                  )}
                  <Button type="submit" loading={confirm.isPending}>
                    Confirm and continue
                  </Button>
                </Stack>
              </form>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="subtle" color="gray" onClick={() => signOut()}>
              Sign out
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
