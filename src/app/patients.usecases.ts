import { type Actor, findGrantingRole, type PatientPermission, type Role } from '../domain/access/permissions.ts';
import { classifyMedication } from '../domain/patients/drug-classes.ts';
import {
  applyPatientChanges,
  computeBmi,
  latestByDate,
  type NewPatientInput,
  type PatientChanges,
} from '../domain/patients/patient-input.ts';
import { emptyClinical, type PatientRecord } from '../domain/patients/patient-record.ts';
import { recordPatientAccess } from './audit.usecases.ts';
import { type Deps, inTransaction, type RequestContext } from './deps.ts';
import { conflict, forbidden, noActiveClinic, notFound, validationFailed, versionConflict } from './errors.ts';

export interface PatientView {
  id: string;
  version: number;
  homeClinicId: string;
  access: 'full' | 'demographics';
  demographics: PatientRecord['demographics'];
  clinical?: PatientRecord['clinical'];
  derived?: {
    latestWeightKg: number | null;
    latestHeightCm: number | null;
    bmi: number | null;
    medicationClasses: { medicationId: string; classes: string[] }[];
  };
}

const todayIso = (deps: Deps) => deps.clock().toISOString().slice(0, 10);

/** Builds what a role may see: clinical roles and the patient get everything, others demographics only. */
function toView(head: { id: string; homeClinicId: string }, version: number, record: PatientRecord, full: boolean): PatientView {
  const base = { id: head.id, version, homeClinicId: head.homeClinicId, demographics: record.demographics };
  if (!full) return { ...base, access: 'demographics' };
  const { clinical } = record;
  return {
    ...base,
    access: 'full',
    clinical,
    derived: {
      latestWeightKg: latestByDate(clinical.weights)?.weightKg ?? null,
      latestHeightCm: latestByDate(clinical.heights)?.heightCm ?? null,
      bmi: computeBmi(clinical) ?? null,
      medicationClasses: clinical.medications.map((m) => ({ medicationId: m.id, classes: classifyMedication(m) })),
    },
  };
}

/** Loads a patient head the actor may read, or answers 404 (no existence leak). */
async function loadReadable(id: string, actor: Actor, deps: Deps) {
  const head = await deps.repos.patients.findHead(id);
  if (!head || head.organizationId !== actor.organizationId) throw notFound('patient');
  const role = findGrantingRole(actor, 'patient.read_demographics', { clinicId: head.homeClinicId, patientId: head.id });
  if (!role) throw notFound('patient');
  return { head, role };
}

const grant = (actor: Actor, permission: PatientPermission, head: { homeClinicId: string; id: string }) =>
  findGrantingRole(actor, permission, { clinicId: head.homeClinicId, patientId: head.id });

export async function getPatient(id: string, ctx: RequestContext, deps: Deps): Promise<PatientView> {
  const current = await deps.repos.patients.findCurrent(id);
  const role =
    current && current.organizationId === ctx.actor.organizationId ? grant(ctx.actor, 'patient.read_demographics', current) : null;
  if (!current || !role) throw notFound('patient');
  const clinicalRole = grant(ctx.actor, 'patient.read_clinical', current);
  await recordPatientAccess(
    {
      clinicId: current.homeClinicId,
      patientId: id,
      role: clinicalRole ?? role,
      action: 'read',
      resource: `patient/${id}/v${current.version}`,
    },
    ctx,
    deps,
  );
  return toView(current, current.version, current.record, clinicalRole !== null);
}

export async function searchPatients(input: { query: string; page: number; pageSize: number }, ctx: RequestContext, deps: Deps) {
  const { actor } = ctx;
  const paging = { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
  if (actor.patientId) {
    const own = await deps.repos.patients.findHead(actor.patientId);
    if (!own) return { items: [], page: input.page, pageSize: input.pageSize, total: 0 };
    const result = await deps.repos.patients.search({ clinicIds: [own.homeClinicId], query: own.mrn.toLowerCase(), ...paging });
    return { items: result.items.filter((p) => p.id === own.id), page: input.page, pageSize: input.pageSize, total: 1 };
  }
  const clinicId = actor.activeClinicId;
  if (!clinicId) throw noActiveClinic();
  const role = findGrantingRole(actor, 'patient.read_demographics', { clinicId });
  if (!role) throw forbidden('search patients in this clinic');
  const result = await deps.repos.patients.search({ clinicIds: [clinicId], query: input.query, ...paging });
  await recordPatientAccess({ clinicId, patientId: null, role, action: 'search', resource: 'patients' }, ctx, deps);
  return { ...result, page: input.page, pageSize: input.pageSize };
}

export async function createPatient(input: NewPatientInput & { homeClinicId?: string | undefined }, ctx: RequestContext, deps: Deps) {
  const { actor } = ctx;
  const clinicId = input.homeClinicId ?? actor.activeClinicId;
  if (!clinicId) throw noActiveClinic();
  const role = findGrantingRole(actor, 'patient.create', { clinicId });
  if (!role) throw forbidden('register patients in this clinic');
  if (input.clinical && !findGrantingRole(actor, 'patient.update_clinical', { clinicId })) throw forbidden('enter clinical data');
  const base: PatientRecord = { demographics: input.demographics, clinical: emptyClinical() };
  const applied = applyPatientChanges(base, { clinical: input.clinical }, { todayIso: todayIso(deps), newId: deps.newId });
  if (!applied.ok) throw validationFailed(applied.issues);
  const id = deps.newId();
  const at = deps.clock();
  await inTransaction(deps, async (repos) => {
    if (await repos.patients.mrnExists(actor.organizationId, input.demographics.mrn))
      throw conflict('patient.mrn_taken', 'That MRN is already in use.');
    await repos.patients.insert({
      id,
      organizationId: actor.organizationId,
      homeClinicId: clinicId,
      record: applied.record,
      createdBy: actor.userId,
      at,
    });
    await recordPatientAccess({ clinicId, patientId: id, role, action: 'create', resource: `patient/${id}/v1` }, ctx, deps, repos);
  });
  return toView({ id, homeClinicId: clinicId }, 1, applied.record, findGrantingRole(actor, 'patient.read_clinical', { clinicId }) !== null);
}

export async function updatePatient(
  id: string,
  input: PatientChanges & { baseVersion: number; reason?: string | undefined },
  ctx: RequestContext,
  deps: Deps,
) {
  const { actor } = ctx;
  const { head } = await loadReadable(id, actor, deps);
  const demographicsRole = input.demographics ? grant(actor, 'patient.update_demographics', head) : null;
  const clinicalRole = input.clinical ? grant(actor, 'patient.update_clinical', head) : null;
  if (input.demographics && !demographicsRole) throw forbidden('change demographics');
  if (input.clinical && !clinicalRole) throw forbidden('change clinical data');
  if (!input.demographics && !input.clinical) throw validationFailed([{ path: '', message: 'Nothing to change.' }]);
  if (input.baseVersion !== head.version) throw versionConflict(head.version);
  const current = await deps.repos.patients.findVersion(id, head.version);
  if (!current) throw new Error(`patient ${id} has no version ${head.version}`);
  const applied = applyPatientChanges(current.record, input, { todayIso: todayIso(deps), newId: deps.newId });
  if (!applied.ok) throw validationFailed(applied.issues);
  const newMrn = applied.record.demographics.mrn;
  const version = head.version + 1;
  await inTransaction(deps, async (repos) => {
    if (newMrn !== head.mrn && (await repos.patients.mrnExists(actor.organizationId, newMrn)))
      throw conflict('patient.mrn_taken', 'That MRN is already in use.');
    const stored = await repos.patients.appendVersion({
      id,
      baseVersion: input.baseVersion,
      clinicId: head.homeClinicId,
      record: applied.record,
      createdBy: actor.userId,
      at: deps.clock(),
      reason: input.reason ?? null,
    });
    if (!stored) throw versionConflict(head.version + 1);
    const role = (clinicalRole ?? demographicsRole) as Role;
    await recordPatientAccess(
      { clinicId: head.homeClinicId, patientId: id, role, action: 'update', resource: `patient/${id}/v${version}` },
      ctx,
      deps,
      repos,
    );
  });
  return toView(head, version, applied.record, grant(actor, 'patient.read_clinical', head) !== null);
}

export async function listPatientVersions(id: string, ctx: RequestContext, deps: Deps) {
  const { head, role } = await loadReadable(id, ctx.actor, deps);
  const rows = await deps.repos.patients.listVersions(id);
  await recordPatientAccess(
    { clinicId: head.homeClinicId, patientId: id, role, action: 'read_versions', resource: `patient/${id}/versions` },
    ctx,
    deps,
  );
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.createdAt,
    createdBy: { id: r.createdById, name: r.createdByName },
    reason: r.reason,
  }));
}

/** "Who opened this record": for admins of the patient's clinic and for the patient. */
export async function getPatientAccessLog(id: string, page: { page: number; pageSize: number }, ctx: RequestContext, deps: Deps) {
  const { head } = await loadReadable(id, ctx.actor, deps);
  const role = grant(ctx.actor, 'patient.read_access_log', head);
  if (!role) throw forbidden('read the access log');
  const result = await deps.repos.audit.listForPatient(id, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  await recordPatientAccess(
    { clinicId: head.homeClinicId, patientId: id, role, action: 'read_access_log', resource: `patient/${id}/access-log` },
    ctx,
    deps,
  );
  return { ...result, ...page };
}
