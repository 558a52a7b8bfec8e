import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { EVIDENCE_DESCRIPTIONS, type Evidence } from '../../../src/domain/sources/evidence.ts';

const COLORS: Record<Evidence, string> = { verified: 'teal', unverified: 'orange', derived: 'blue', 'clinic-policy': 'gray' };
const LABELS: Record<Evidence, string> = {
  verified: 'verified',
  unverified: 'unverified',
  derived: 'derived',
  'clinic-policy': 'clinic policy',
};

/** The evidence level of a source as a small badge; the tooltip says what it means. */
export function EvidenceBadge({ evidence }: { evidence: Evidence }) {
  return (
    <Tooltip label={EVIDENCE_DESCRIPTIONS[evidence]} multiline w={280} withArrow>
      <Badge size="xs" variant="light" color={COLORS[evidence]} tabIndex={0}>
        {LABELS[evidence]}
      </Badge>
    </Tooltip>
  );
}

/** A source as a clinician reads it: the citation's name, then its evidence badge. */
export function SourceLine({ citation, evidence, size = 'xs' }: { citation: string; evidence: Evidence; size?: 'xs' | 'sm' }) {
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <Text size={size} c="dimmed">
        {citation}
      </Text>
      <EvidenceBadge evidence={evidence} />
    </Group>
  );
}
