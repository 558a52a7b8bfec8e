import type { LibraryVersionRow } from '../db/repositories/drug-library.repository.ts';
import { findClinicRole } from '../domain/access/permissions.ts';
import { DEFAULT_DRUG_LIBRARY } from '../domain/pharmacology/default-drug-library.ts';
import { type DrugLibrary, drugLibrarySchema } from '../domain/pharmacology/drug-library.ts';
import { type Deps, inTransaction, type Repositories, type RequestContext } from './deps.ts';
import { forbidden, noActiveClinic, validationFailed } from './errors.ts';
import {
  isUniqueViolation,
  libraryAlreadyApproved,
  librarySelfApproval,
  librarySuperseded,
  libraryVersionNotFound,
  libraryVersionTaken,
} from './pharmacology.errors.ts';

type Person = { id: string; name: string };

/** The library a clinic's dose checks use: its highest approved version, else the default (a starting point). */
export interface CurrentLibrary {
  /** The clinic's version number; 0 for the default library. */
  version: number;
  isDefault: boolean;
  approvedBy?: Person;
  approvedAt?: Date;
  library: DrugLibrary;
}

export interface LibraryDraft {
  version: number;
  createdBy: Person;
  createdAt: Date;
  note: string | null;
  library: DrugLibrary;
}

export type LibraryVersionStatus = 'current' | 'superseded' | 'draft' | 'stale_draft';

/** The clinic an action applies to (the active one) after checking the actor's role there. */
export function requireClinicRole(ctx: RequestContext, permission: Parameters<typeof findClinicRole>[1], action: string) {
  const clinicId = ctx.actor.activeClinicId;
  if (!clinicId) throw noActiveClinic();
  const role = findClinicRole(ctx.actor, permission, clinicId);
  if (!role) throw forbidden(action);
  return { clinicId, role };
}

/** `<first 8 characters of the clinic id>-v<n>`: names the version in every stored dose check. */
const labelFor = (clinicId: string, version: number) => `${clinicId.slice(0, 8)}-v${version}`;

function toCurrent(row: LibraryVersionRow | undefined): CurrentLibrary {
  if (!row?.approval) return { version: 0, isDefault: true, library: DEFAULT_DRUG_LIBRARY };
  return {
    version: row.version,
    isDefault: false,
    approvedBy: row.approval.by,
    approvedAt: row.approval.at,
    library: { ...row.library, status: 'approved' },
  };
}

const toDraft = (row: LibraryVersionRow): LibraryDraft => ({
  version: row.version,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  note: row.note,
  library: row.library,
});

/** The library dose checks of a clinic run against (no authorization: callers check their own permission). */
export async function loadCurrentLibrary(clinicId: string, repos: Repositories): Promise<CurrentLibrary> {
  return toCurrent(await repos.drugLibrary.findCurrent(clinicId));
}

/** Current library and the newest draft still awaiting approval (issue 3, item 7). */
export async function getDrugLibrary(ctx: RequestContext, deps: Deps) {
  const { clinicId } = requireClinicRole(ctx, 'drug_library.read', 'read the drug library');
  const rows = await deps.repos.drugLibrary.listVersions(clinicId);
  const current = toCurrent(rows.find((r) => r.approval));
  const draft = rows.find((r) => !r.approval && r.version > current.version);
  return { current, draft: draft ? toDraft(draft) : null };
}

export async function listDrugLibraryVersions(ctx: RequestContext, deps: Deps) {
  const { clinicId } = requireClinicRole(ctx, 'drug_library.read', 'read the drug library');
  const rows = await deps.repos.drugLibrary.listVersions(clinicId);
  const currentVersion = rows.find((r) => r.approval)?.version ?? 0;
  return rows.map((r) => {
    const status: LibraryVersionStatus = r.approval
      ? r.version === currentVersion
        ? 'current'
        : 'superseded'
      : r.version > currentVersion
        ? 'draft'
        : 'stale_draft';
    return {
      version: r.version,
      libraryVersion: r.library.version,
      status,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
      note: r.note,
      approvedBy: r.approval?.by ?? null,
      approvedAt: r.approval?.at ?? null,
      approvalNote: r.approval?.note ?? null,
    };
  });
}

/** Stores a full library as the clinic's next version, a draft (admins). The server sets `version` and `status`. */
export async function createDrugLibraryDraft(input: { library: unknown; note?: string | undefined }, ctx: RequestContext, deps: Deps) {
  const { clinicId } = requireClinicRole(ctx, 'drug_library.draft', 'write drug library drafts');
  const at = deps.clock();
  try {
    return await inTransaction(deps, async (repos): Promise<LibraryDraft> => {
      const version = (await repos.drugLibrary.findHighestVersion(clinicId)) + 1;
      const candidate =
        input.library && typeof input.library === 'object' && !Array.isArray(input.library)
          ? { ...input.library, version: labelFor(clinicId, version), status: 'draft' }
          : input.library;
      const parsed = drugLibrarySchema.safeParse(candidate);
      if (!parsed.success) {
        throw validationFailed(parsed.error.issues.map((i) => ({ path: ['library', ...i.path].join('.'), message: i.message })));
      }
      const note = input.note ?? null;
      await repos.drugLibrary.insertVersion({ clinicId, version, library: parsed.data, createdBy: ctx.actor.userId, at, note });
      return { version, createdBy: { id: ctx.actor.userId, name: ctx.actor.name }, createdAt: at, note, library: parsed.data };
    });
  } catch (error) {
    throw isUniqueViolation(error) ? libraryVersionTaken() : error;
  }
}

/** Approves a draft (physicians, never the draft's author); it becomes the clinic's current library. */
export async function approveDrugLibraryVersion(version: number, input: { note?: string | undefined }, ctx: RequestContext, deps: Deps) {
  const { clinicId } = requireClinicRole(ctx, 'drug_library.approve', 'approve drug library versions');
  try {
    return await inTransaction(deps, async (repos) => {
      const row = await repos.drugLibrary.findVersion(clinicId, version);
      if (!row) throw libraryVersionNotFound();
      if (row.approval) throw libraryAlreadyApproved();
      if (row.createdBy.id === ctx.actor.userId) throw librarySelfApproval();
      const current = await repos.drugLibrary.findCurrent(clinicId);
      if (current && current.version > version) throw librarySuperseded(current.version);
      await repos.drugLibrary.insertApproval({
        clinicId,
        version,
        approvedBy: ctx.actor.userId,
        at: deps.clock(),
        note: input.note ?? null,
      });
      return loadCurrentLibrary(clinicId, repos);
    });
  } catch (error) {
    throw isUniqueViolation(error) ? libraryAlreadyApproved() : error;
  }
}
