/** Submissions one address may send per minute (issue 4, item 2: cap abuse of the public form). */
export const SELF_CHECK_LIMIT_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

/**
 * A per-IP sliding window kept in this server's memory: each server of a cluster counts on its own and a restart
 * forgets. Enough to stop a script hammering one instance; a shared limiter belongs in the reverse proxy.
 */
export function createSelfCheckThrottle(limit = SELF_CHECK_LIMIT_PER_MINUTE) {
  const hits = new Map<string, number[]>();
  return {
    /** Records a hit for `ip` at `nowMs`; returns the seconds to wait when over the limit, else 0. */
    take(ip: string, nowMs: number): number {
      const recent = (hits.get(ip) ?? []).filter((at) => nowMs - at < WINDOW_MS);
      if (recent.length >= limit) {
        hits.set(ip, recent);
        return Math.max(1, Math.ceil((WINDOW_MS - (nowMs - (recent[0] ?? nowMs))) / 1000));
      }
      recent.push(nowMs);
      hits.set(ip, recent);
      if (hits.size > 10_000) for (const [key, times] of hits) if (times.every((at) => nowMs - at >= WINDOW_MS)) hits.delete(key);
      return 0;
    },
  };
}
export type SelfCheckThrottle = ReturnType<typeof createSelfCheckThrottle>;
