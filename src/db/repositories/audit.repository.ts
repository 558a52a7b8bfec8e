import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { AuditEntryFields } from '../../domain/audit/audit-chain.ts';
import type { Database } from '../database.ts';
import { auditHeads, auditLog, user } from '../schema/index.ts';

export type NewAuditEntry = Omit<AuditEntryFields, 'seq'>;

/** All SQL of the audit trail. One statement per entry: it advances the clinic's head and inserts the entry. */
export function createAuditRepository(db: Database) {
  return {
    /**
     * Appends an entry. The head row lock (INSERT .. ON CONFLICT DO UPDATE) serializes one clinic's chain;
     * sha256() is built into PostgreSQL 11+ and PGlite. The payload matches canonicalizeAuditEntry().
     */
    async append(entry: NewAuditEntry): Promise<void> {
      const fields = (seq: ReturnType<typeof sql>) =>
        sql`convert_to(concat_ws(E'\\x1f', 'v1', ${entry.clinicId}::text, ${seq}, ${entry.at}::text, ${entry.actorId}::text, ${entry.actorRole}::text, ${entry.patientId ?? ''}::text, ${entry.action}::text, ${entry.resource}::text, ${entry.requestId}::text), 'UTF8')`;
      await db.execute(sql`
        WITH head AS (
          INSERT INTO audit_heads AS h (clinic_id, seq, hash)
          VALUES (${entry.clinicId}, 1, sha256(decode(repeat('00', 32), 'hex') || ${fields(sql`'1'`)}))
          ON CONFLICT (clinic_id) DO UPDATE
            SET seq = h.seq + 1, hash = sha256(h.hash || ${fields(sql`(h.seq + 1)::text`)})
          RETURNING seq, hash
        )
        INSERT INTO audit_log (clinic_id, seq, at, actor_id, actor_role, patient_id, action, resource, request_id, hash)
        SELECT ${entry.clinicId}, head.seq, ${entry.at}::timestamptz, ${entry.actorId}, ${entry.actorRole}, ${entry.patientId},
               ${entry.action}, ${entry.resource}, ${entry.requestId}, head.hash
        FROM head`);
    },

    async listClinicIds(): Promise<string[]> {
      const rows = await db
        .selectDistinct({ clinicId: auditHeads.clinicId })
        .from(auditHeads)
        .union(db.selectDistinct({ clinicId: auditLog.clinicId }).from(auditLog));
      return rows.map((r) => r.clinicId).sort();
    },

    async findHead(clinicId: string) {
      const [row] = await db.select().from(auditHeads).where(eq(auditHeads.clinicId, clinicId));
      return row ? { seq: row.seq, hashHex: row.hash.toString('hex') } : null;
    },

    async listHeads() {
      const rows = await db.select().from(auditHeads).orderBy(asc(auditHeads.clinicId));
      return rows.map((row) => ({ clinicId: row.clinicId, seq: row.seq, hashHex: row.hash.toString('hex') }));
    },

    /** One page of a clinic's chain in order, for verification without loading it all. */
    async listChainPage(clinicId: string, afterSeq: number, limit: number) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.clinicId, clinicId), gt(auditLog.seq, afterSeq)))
        .orderBy(asc(auditLog.seq))
        .limit(limit);
      return rows.map((row) => ({ ...row, at: row.at.toISOString(), hashHex: row.hash.toString('hex') }));
    },

    /** "Who opened this record": newest first. */
    async listForPatient(patientId: string, page: { limit: number; offset: number }) {
      const where = eq(auditLog.patientId, patientId);
      const [items, [total]] = await Promise.all([
        db
          .select({ at: auditLog.at, actorName: user.name, role: auditLog.actorRole, action: auditLog.action, resource: auditLog.resource })
          .from(auditLog)
          .innerJoin(user, eq(user.id, auditLog.actorId))
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.seq))
          .limit(page.limit)
          .offset(page.offset),
        db.select({ value: count() }).from(auditLog).where(where),
      ]);
      return { items, total: total?.value ?? 0 };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
