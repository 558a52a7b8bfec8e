import { Fieldset, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { InstrumentDefinition } from '../../../../../src/domain/instruments/instrument-definition.ts';
import type { EvaluationDraft } from '../evaluation-draft.ts';
import { ChoiceGroup } from './choice-group.tsx';

/** One questionnaire from its definition (items and answer options come from src/domain/instruments). */
export function InstrumentFields({
  form,
  field,
  definition,
  legend,
  description,
  children,
}: {
  form: UseFormReturnType<EvaluationDraft>;
  field: 'dn4' | 'phq9';
  definition: InstrumentDefinition;
  legend: string;
  description?: string;
  children?: React.ReactNode;
}) {
  const options = definition.options.map((option) => ({ value: String(option.value), label: option.label }));
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        {description && <div>{description}</div>}
        {definition.items.map((item, index) => (
          <ChoiceGroup
            key={item.id}
            label={`${index + 1}. ${item.label}`}
            options={options}
            {...form.getInputProps(`${field}.${item.id}`)}
          />
        ))}
        {children}
      </Stack>
    </Fieldset>
  );
}
