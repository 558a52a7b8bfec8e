import { createHash } from 'node:crypto';

/**
 * One link of a hash chain: SHA-256(previous hash bytes || payload as UTF-8), in hex. The audit trail and the
 * controlled-substance ledger both chain this way; the domain takes it as a parameter to stay free of node:crypto.
 */
export const chainHashHex = (previousHashHex: string, payload: string) =>
  createHash('sha256').update(Buffer.from(previousHashHex, 'hex')).update(payload, 'utf8').digest('hex');
