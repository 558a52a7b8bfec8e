import { Badge, Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { searchIcd10PickList } from '../../../../../src/domain/patients/icd10-picklist.ts';
import type { ClinicalDraft } from '../clinical-draft.ts';

type Coding = ClinicalDraft['conditions'][number]['coding'];

const MAX_OPTIONS = 12;

/**
 * Type to search the shipped ICD-10-CM pick list (code or words); pick a code, or keep the typed words as an
 * uncoded condition. Codes the pick list marks unverified say so before they are chosen.
 */
export function Icd10Picker(props: { coding: Coding; onChange: (coding: Coding) => void; error?: string }) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const typed = props.coding.kind === 'icd10cm' ? `${props.coding.code} ${props.coding.display}` : props.coding.text;
  const matches = props.coding.kind === 'uncoded' ? searchIcd10PickList(props.coding.text).slice(0, MAX_OPTIONS) : [];

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(code) => {
        const entry = matches.find((candidate) => candidate.code === code);
        if (entry) props.onChange({ kind: 'icd10cm', code: entry.code, display: entry.display, text: '' });
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          label="Condition"
          description={props.coding.kind === 'icd10cm' ? 'ICD-10-CM coded' : 'Search the ICD-10-CM list, or keep free text (uncoded)'}
          placeholder="e.g. CRPS, fibromyalgia, G90.5"
          value={typed}
          error={props.error}
          miw={260}
          flex={1}
          rightSection={
            props.coding.kind === 'icd10cm' ? (
              <Badge size="xs" variant="light">
                coded
              </Badge>
            ) : (
              <Badge size="xs" variant="light" color="gray">
                uncoded
              </Badge>
            )
          }
          rightSectionWidth={70}
          onChange={(event) => {
            props.onChange({ kind: 'uncoded', code: '', display: '', text: event.currentTarget.value });
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => props.coding.kind === 'uncoded' && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={matches.length === 0}>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {matches.map((entry) => (
            <Combobox.Option value={entry.code} key={entry.code}>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" ff="monospace" fw={600}>
                  {entry.code}
                </Text>
                <Text size="sm">{entry.display}</Text>
                {!entry.verified && (
                  <Badge size="xs" color="yellow" variant="light" title="Check this code against the current CMS ICD-10-CM tables">
                    unverified
                  </Badge>
                )}
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
