import { AppError } from '../errors.ts';

/** Errors of counts, discrepancies and loss tasks (issue 5, item 5). Messages name stock and entries, never patients. */
export const countNotFound = () => new AppError('ledger.count_not_found', 404, 'No count with that id in this registration.');
export const discrepancyNotFound = () =>
  new AppError('ledger.discrepancy_not_found', 404, 'No discrepancy with that count and line in this registration.');
export const discrepancyResolved = () =>
  new AppError('ledger.discrepancy_resolved', 409, 'That discrepancy is already resolved; nothing was recorded.');
export const lossTaskNotFound = () =>
  new AppError('ledger.loss_task_not_found', 404, 'No open reporting task for that loss in this registration.');
export const taskAlreadyDone = () => new AppError('ledger.task_already_done', 409, 'That task is already completed; nothing was recorded.');

/** A count must cover every bucket with stock on the books (or in the counted location). */
export const countIncomplete = (
  issues: { path: string; message: string; lotId: string; locationId: string; containerId: string | null }[],
) => new AppError('ledger.count_incomplete', 400, 'The count leaves out stock that is on the books; count every listed item.', { issues });

/** A discrepancy action names an entry that is not a correction (or loss) of this registration. */
export const discrepancyLinkInvalid = (path: string, message: string) =>
  new AppError('ledger.discrepancy_link_invalid', 400, message, { issues: [{ path, message }] });
