import { Group, Radio } from '@mantine/core';

export interface ChoiceOption {
  value: string;
  label: string;
}

export const YES_NO_UNSURE: readonly ChoiceOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not_sure', label: 'Not sure' },
];

/** One question answered with radio buttons; wraps on a phone. `error` is the field's message. */
export function ChoiceGroup({
  label,
  options,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  options: readonly ChoiceOption[];
  value?: string;
  onChange: (value: string) => void;
  error?: React.ReactNode;
  description?: string;
}) {
  return (
    <Radio.Group label={label} description={description} value={value ?? ''} onChange={onChange} error={error}>
      <Group mt={6} gap="md">
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </Group>
    </Radio.Group>
  );
}
