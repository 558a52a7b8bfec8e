import { useEffect, useRef, useState } from 'react';
import { useSignOut } from './use-sign-out.ts';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;
const WARNING_MS = 60_000;

/**
 * Signs out after `idleTimeoutMin` minutes without mouse, keyboard or touch activity (shared tablets).
 * Returns the whole seconds left during the last minute, otherwise null.
 */
export function useIdleSignOut(idleTimeoutMin: number): number | null {
  const signOut = useSignOut();
  const lastActivityAt = useRef(Date.now());
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  useEffect(() => {
    if (!(idleTimeoutMin > 0)) return;
    const timeoutMs = idleTimeoutMin * 60_000;
    lastActivityAt.current = Date.now();
    const markActive = () => {
      lastActivityAt.current = Date.now();
    };
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, markActive, { passive: true, capture: true });
    let signingOut = false;
    const timer = window.setInterval(() => {
      const remainingMs = timeoutMs - (Date.now() - lastActivityAt.current);
      if (remainingMs <= 0 && !signingOut) {
        signingOut = true;
        void signOut(`Signed out after ${idleTimeoutMin} minute${idleTimeoutMin === 1 ? '' : 's'} without activity.`);
        return;
      }
      setSecondsLeft(remainingMs <= WARNING_MS ? Math.max(0, Math.ceil(remainingMs / 1000)) : null);
    }, 1000);
    return () => {
      window.clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, markActive, { capture: true });
    };
  }, [idleTimeoutMin, signOut]);

  return secondsLeft;
}
