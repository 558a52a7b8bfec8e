import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../database.ts';
import { evaluationSignatures, evaluations, safetyTasks, user } from '../schema/index.ts';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type EvaluationSignatureRow = typeof evaluationSignatures.$inferSelect;
export type SafetyTaskRow = typeof safetyTasks.$inferSelect;

const signer = alias(user, 'signer');

/** All SQL of clinician evaluations, their physician signatures and the safety tasks they raise (issue 4, item 3). */
export function createEvaluationsRepository(db: Database) {
  return {
    async insertEvaluation(row: typeof evaluations.$inferInsert) {
      await db.insert(evaluations).values(row);
    },

    async insertSignature(row: typeof evaluationSignatures.$inferInsert) {
      await db.insert(evaluationSignatures).values(row);
    },

    /** A patient's evaluations newest first, with the author's and signer's names and the signature if any. */
    async listEvaluations(patientId: string, evaluationId?: string) {
      const where = evaluationId
        ? and(eq(evaluations.patientId, patientId), eq(evaluations.id, evaluationId))
        : eq(evaluations.patientId, patientId);
      const rows = await db
        .select({ evaluation: evaluations, authorName: user.name, signature: evaluationSignatures, signerName: signer.name })
        .from(evaluations)
        .innerJoin(user, eq(user.id, evaluations.createdBy))
        .leftJoin(evaluationSignatures, eq(evaluationSignatures.evaluationId, evaluations.id))
        .leftJoin(signer, eq(signer.id, evaluationSignatures.signedBy))
        .where(where)
        .orderBy(desc(evaluations.createdAt), desc(evaluations.id));
      return rows;
    },

    async insertTask(row: typeof safetyTasks.$inferInsert) {
      await db.insert(safetyTasks).values(row);
    },

    /** Open tasks first (oldest open first), then completed ones newest first. */
    async listTasks(clinicIds: string[]) {
      if (clinicIds.length === 0) return [];
      return db
        .select()
        .from(safetyTasks)
        .where(inArray(safetyTasks.clinicId, clinicIds))
        .orderBy(sql`${safetyTasks.completedAt} is not null`, asc(safetyTasks.createdAt));
    },

    async findTask(id: string): Promise<SafetyTaskRow | undefined> {
      const [row] = await db.select().from(safetyTasks).where(eq(safetyTasks.id, id));
      return row;
    },

    /** Completes an open task; false when it was completed already. */
    async completeTask(id: string, input: { by: string; at: Date; note: string }): Promise<boolean> {
      const updated = await db
        .update(safetyTasks)
        .set({ completedBy: input.by, completedAt: input.at, note: input.note })
        .where(and(eq(safetyTasks.id, id), isNull(safetyTasks.completedAt)))
        .returning({ id: safetyTasks.id });
      return updated.length === 1;
    },
  };
}
