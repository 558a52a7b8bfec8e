import type { Demographics } from './patients.api.ts';

/** Demographics as a form holds them: every text present, empty meaning "not given". */
export interface DemographicsDraft {
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: Demographics['sex'] | '';
  phone: string;
  email: string;
  address: string;
  emergencyContact: { name: string; relationship: string; phone: string };
}

export function toDemographicsDraft(demographics?: Demographics): DemographicsDraft {
  return {
    mrn: demographics?.mrn ?? '',
    givenName: demographics?.givenName ?? '',
    familyName: demographics?.familyName ?? '',
    birthDate: demographics?.birthDate ?? '',
    sex: demographics?.sex ?? '',
    phone: demographics?.phone ?? '',
    email: demographics?.email ?? '',
    address: demographics?.address ?? '',
    emergencyContact: {
      name: demographics?.emergencyContact?.name ?? '',
      relationship: demographics?.emergencyContact?.relationship ?? '',
      phone: demographics?.emergencyContact?.phone ?? '',
    },
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/**
 * Converts the draft for the API. Phone and address go as '' when cleared, so a PATCH (which merges
 * demographics) really clears them; the schema allows empty strings there.
 */
export function fromDemographicsDraft(draft: DemographicsDraft): Demographics {
  const contact = draft.emergencyContact;
  const hasContact = Boolean(contact.name.trim() || contact.phone.trim() || contact.relationship.trim());
  return {
    mrn: draft.mrn.trim(),
    givenName: draft.givenName.trim(),
    familyName: draft.familyName.trim(),
    birthDate: draft.birthDate,
    sex: draft.sex === '' ? 'unknown' : draft.sex,
    phone: draft.phone.trim(),
    email: optional(draft.email),
    address: draft.address.trim(),
    emergencyContact: hasContact
      ? { name: contact.name.trim(), relationship: optional(contact.relationship), phone: contact.phone.trim() }
      : undefined,
  };
}

/** Client-side checks for what the server would refuse anyway, so the nurse sees it before sending. */
export function validateDemographicsDraft(draft: DemographicsDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.mrn.trim()) errors['demographics.mrn'] = 'Enter the MRN';
  if (!draft.givenName.trim()) errors['demographics.givenName'] = 'Enter the given name';
  if (!draft.familyName.trim()) errors['demographics.familyName'] = 'Enter the family name';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.birthDate)) errors['demographics.birthDate'] = 'Enter the birth date';
  if (draft.sex === '') errors['demographics.sex'] = 'Choose one (unknown is allowed)';
  const contact = draft.emergencyContact;
  if ((contact.name.trim() || contact.relationship.trim()) && !contact.phone.trim())
    errors['demographics.emergencyContact.phone'] = 'An emergency contact needs a phone number';
  if (contact.phone.trim() && !contact.name.trim()) errors['demographics.emergencyContact.name'] = 'An emergency contact needs a name';
  return errors;
}
